package io.jenkins.plugins.sagemaker.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FollowStateTest {

    /** Serializes and deserializes with Java serialization, as Jenkins' program state does. */
    static FollowState roundTrip(FollowState state) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (FollowState) in.readObject();
        }
    }

    @Test
    void serializationKeepsEveryField() throws Exception {
        FollowState.Builder b = FollowState.start("train-1", Duration.ofSeconds(5)).toBuilder();
        b.jobArn = "arn:aws:sagemaker:us-east-2:123456789012:training-job/train-1";
        b.lastStatus = "InProgress";
        b.lastSecondaryStatus = "Training";
        b.printedTransitions = 3;
        b.lastTransitionStatus = "Training";
        b.lastTransitionStart = Instant.parse("2025-01-01T10:03:00Z");
        b.lastTransitionMessage = "Training image download completed.";
        b.pollInterval(Duration.ofMillis(7500)).retryStreak(2).retryOperation("DescribeTrainingJob");
        FollowState state = b.build().withStopRequested(Instant.parse("2025-01-01T10:04:00Z"));

        FollowState copy = roundTrip(state);

        assertThat(copy).isEqualTo(state);
        assertThat(copy.stopState()).isEqualTo(FollowState.StopState.REQUESTED);
        assertThat(copy.lastTransitionMessage()).isEqualTo("Training image download completed.");
    }

    @Test
    void secondStopRequestKeepsFirstTime() {
        Instant first = Instant.parse("2025-01-01T10:00:00Z");
        FollowState requested = FollowState.start("train-1", Duration.ofSeconds(5)).withStopRequested(first);

        FollowState again = requested.withStopRequested(first.plusSeconds(60));

        assertThat(again).isSameAs(requested);
        assertThat(again.stopRequestedAt()).isEqualTo(first);
    }
}
