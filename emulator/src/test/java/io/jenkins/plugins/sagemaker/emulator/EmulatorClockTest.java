package io.jenkins.plugins.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

class EmulatorClockTest {

    @Test
    void manualClockMovesOnlyForward() {
        ManualClock clock = EmulatorClock.manual(Instant.parse("2025-03-01T10:00:00Z"));

        clock.advance(Duration.ofSeconds(90));
        clock.set(Instant.parse("2025-03-01T11:00:00Z"));

        assertThat(clock.now()).isEqualTo(Instant.parse("2025-03-01T11:00:00Z"));
        assertThatThrownBy(() -> clock.set(Instant.parse("2025-03-01T10:00:00Z"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceleratedClockRunsFaster() throws InterruptedException {
        EmulatorClock clock = EmulatorClock.accelerated(1000);
        Instant start = clock.now();

        Thread.sleep(20);

        // 20 ms of wall time are at least 20 s of emulator time at factor 1000.
        assertThat(Duration.between(start, clock.now())).isGreaterThanOrEqualTo(Duration.ofSeconds(20));
        assertThatThrownBy(() -> EmulatorClock.accelerated(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void acceleratedJobCompletesOnItsOwn() throws InterruptedException {
        // At factor 100,000 the default plan (230 s) takes about 2 ms of wall time.
        // The loop still allows up to 10 s, because a loaded machine may be slow to start the job.
        try (SageMakerEmulator emulator = SageMakerEmulator.start(EmulatorConfig.builder()
                .clock(EmulatorClock.accelerated(100_000)).build());
                AwsClients clients = new AwsClients(emulator)) {
            emulator.createBucket(TrainingJobRequests.BUCKET);
            emulator.putObject(TrainingJobRequests.BUCKET, TrainingJobRequests.TRAINING_PREFIX + "a.csv", "1\n".getBytes(StandardCharsets.UTF_8));
            clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("fast-job").build());

            byte[] model = null;
            for (int attempt = 0; attempt < 100 && model == null; attempt++) {
                Thread.sleep(100);
                model = emulator.getObject(TrainingJobRequests.BUCKET, "output/fast-job/output/model.tar.gz").orElse(null);
            }

            assertThat(model).isNotNull();
            assertThat(clients.sageMaker.describeTrainingJob(request -> request.trainingJobName("fast-job")).trainingJobStatus())
                    .isEqualTo(TrainingJobStatus.COMPLETED);
        }
    }

    @Test
    void manualClockOfAcceleratedEmulatorFails() {
        try (SageMakerEmulator emulator = SageMakerEmulator.start(EmulatorConfig.builder().clock(EmulatorClock.accelerated(2)).build())) {
            assertThatThrownBy(emulator::manualClock).isInstanceOf(IllegalStateException.class);
        }
    }
}
