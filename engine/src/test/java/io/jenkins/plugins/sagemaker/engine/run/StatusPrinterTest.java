package io.jenkins.plugins.sagemaker.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;

class StatusPrinterTest {

    private static final Instant T0 = Instant.parse("2025-01-01T10:00:00.250Z");

    private final StatusPrinter printer = new StatusPrinter();

    private static SecondaryStatusTransition transition(String status, Instant start, String message) {
        return SecondaryStatusTransition.builder().status(status).startTime(start).statusMessage(message).build();
    }

    private static DescribeTrainingJobResponse job(String status, String secondary, SecondaryStatusTransition... transitions) {
        return DescribeTrainingJobResponse.builder()
                .trainingJobName("train-1")
                .trainingJobArn("arn:aws:sagemaker:us-east-2:123456789012:training-job/train-1")
                .trainingJobStatus(status)
                .secondaryStatus(secondary)
                .secondaryStatusTransitions(List.of(transitions))
                .build();
    }

    private FollowState print(DescribeTrainingJobResponse job, FollowState state, CollectingSink sink) {
        FollowState.Builder next = state.toBuilder();
        printer.printNew(job, state, next, sink);
        return next.build();
    }

    @Test
    void newTransitionsPrintedOnce() {
        CollectingSink sink = new CollectingSink();
        FollowState state = FollowState.start("train-1", Duration.ofSeconds(5));
        SecondaryStatusTransition starting = transition("Starting", T0, "Preparing the instances for training");
        SecondaryStatusTransition downloading = transition("Downloading", T0.plusSeconds(60), "Downloading input data");

        state = print(job("InProgress", "Starting", starting), state, sink);
        state = print(job("InProgress", "Downloading", starting, downloading), state, sink);
        print(job("InProgress", "Downloading", starting, downloading), state, sink);

        assertThat(sink.lines()).containsExactly(
                "2025-01-01T10:00:00Z Starting: Preparing the instances for training",
                "Training job train-1 status: InProgress.",
                "2025-01-01T10:01:00Z Downloading: Downloading input data");
    }

    @Test
    void changedMessageOfLastTransitionPrintedAgain() {
        CollectingSink sink = new CollectingSink();
        FollowState state = FollowState.start("train-1", Duration.ofSeconds(5));
        Instant start = T0.plusSeconds(90);

        state = print(job("InProgress", "Training", transition("Training", start, "Downloading the training image")), state, sink);
        state = print(job("InProgress", "Training", transition("Training", start, "Training image download completed")), state, sink);
        print(job("InProgress", "Training", transition("Training", start, "Training image download completed")), state, sink);

        assertThat(sink.lines()).containsExactly(
                "2025-01-01T10:01:30Z Training: Downloading the training image",
                "Training job train-1 status: InProgress.",
                "2025-01-01T10:01:30Z Training: Training image download completed");
    }

    @Test
    void messageChangedJustBeforeNextTransition() {
        CollectingSink sink = new CollectingSink();
        FollowState state = FollowState.start("train-1", Duration.ofSeconds(5));
        Instant training = T0.plusSeconds(90);
        Instant uploading = T0.plusSeconds(300);

        state = print(job("InProgress", "Training", transition("Training", training, "Downloading the training image")), state, sink);
        print(job("InProgress", "Uploading",
                transition("Training", training, "Training image download completed"),
                transition("Uploading", uploading, "Uploading generated training model")), state, sink);

        assertThat(sink.lines()).containsExactly(
                "2025-01-01T10:01:30Z Training: Downloading the training image",
                "Training job train-1 status: InProgress.",
                "2025-01-01T10:01:30Z Training: Training image download completed",
                "2025-01-01T10:05:00Z Uploading: Uploading generated training model");
    }

    @Test
    void resumedStatePrintsNothingOld() throws Exception {
        CollectingSink first = new CollectingSink();
        SecondaryStatusTransition starting = transition("Starting", T0, "Preparing the instances for training");
        FollowState state = print(job("InProgress", "Starting", starting), FollowState.start("train-1", Duration.ofSeconds(5)), first);

        CollectingSink resumed = new CollectingSink();
        print(job("InProgress", "Starting", starting), FollowStateTest.roundTrip(state), resumed);

        assertThat(first.lines()).hasSize(2);
        assertThat(resumed.lines()).isEmpty();
    }

    @Test
    void finalMetricsKeepDecimalsAndOrder() {
        DescribeTrainingJobResponse job = job("Completed", "Completed").toBuilder()
                .finalMetricDataList(
                        MetricData.builder().metricName("validation:rmse").value(0.9f).build(),
                        MetricData.builder().metricName("train:rmse").value(0.25f).build())
                .build();

        RunResult result = StatusPrinter.resultOf(job, RunOutcome.COMPLETED, false);

        assertThat(result.finalMetrics()).containsExactly(
                java.util.Map.entry("validation:rmse", 0.9),
                java.util.Map.entry("train:rmse", 0.25));
    }
}
