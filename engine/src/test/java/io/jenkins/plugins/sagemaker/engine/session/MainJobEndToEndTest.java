package io.jenkins.plugins.sagemaker.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import io.jenkins.plugins.sagemaker.emulator.ManualClock;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientFactory;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientSettings;
import io.jenkins.plugins.sagemaker.engine.logs.LogLineSink;
import io.jenkins.plugins.sagemaker.engine.logs.LogRelayOptions;
import io.jenkins.plugins.sagemaker.engine.run.Cancellation;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.run.RunOutcome;
import io.jenkins.plugins.sagemaker.engine.run.RunResult;
import io.jenkins.plugins.sagemaker.engine.run.RunSettings;
import io.jenkins.plugins.sagemaker.engine.run.Sleeper;
import io.jenkins.plugins.sagemaker.engine.run.TrainingRunException;
import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.RuntimeUnit;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.InvalidSpecException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Predicate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The user guide's main example, run end to end through the engine against the emulator over HTTP:
 * validation, naming, the algorithm check, CreateTrainingJob, following with logs, and the result.
 * The sleeper advances the emulator's manual clock, so each job of several emulated minutes runs in
 * well under a second.
 */
class MainJobEndToEndTest {

    private static final String ALGORITHM_ARN = "arn:aws:sagemaker:us-east-2:123456789012:algorithm/my-algorithm";
    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerTrainingRole";
    private static final String TRAIN_PREFIX = "s3://example-bucket/integ-test-data/marketplace/train";

    private SageMakerEmulator emulator;
    private ManualClock clock;
    private AwsClientFactory clients;
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startEmulator() {
        emulator = SageMakerEmulator.start();
        clock = emulator.manualClock();
        emulator.createBucket("example-bucket");
        emulator.putObject("example-bucket", "integ-test-data/marketplace/train/part-0001.csv",
                "1,0.5,0.25\n0,0.1,0.9\n".getBytes(StandardCharsets.UTF_8));
        clients = AwsClientFactory.create(AwsClientSettings.builder()
                .region(emulator.region())
                .sageMakerEndpoint(emulator.endpoint())
                .s3Endpoint(emulator.s3Endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())))
                .build());
    }

    @AfterEach
    void stopEmulator() {
        clients.close();
        emulator.close();
    }

    @Test
    void guideExampleCompletes() {
        PreparedJob job = PreparedJob.prepare(guideExample().build(), null, Instant.now(), "42");

        RunResult result;
        try (TrainingSession session = session(advancingSleeper())) {
            result = session.run(job, status(), containerLog(), new Cancellation());
        }

        assertThat(job.jobName()).startsWith("test-marketplace-").endsWith("-42");
        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.isSuccess()).isTrue();
        assertThat(emulator.callCount("CreateTrainingJob")).isEqualTo(1);

        String artifact = "integ-test-data/marketplace/output/" + job.jobName() + "/output/model.tar.gz";
        assertThat(result.modelArtifactsUri()).contains("s3://example-bucket/" + artifact);
        assertThat(emulator.getObject("example-bucket", artifact)).isPresent();

        assertThat(console).contains("Training job: " + job.jobName());
        assertThat(linesContaining(" Downloading: ")).hasSize(1);
        assertThat(linesContaining(" Training: ")).hasSize(1);
        assertThat(linesContaining(" Uploading: ")).hasSize(1);
        assertThat(linesContaining(" Completed: ")).hasSize(1);
        assertThat(linesContaining("status: Completed.")).hasSize(1);
        assertThat(new HashSet<>(console)).as("no line is printed twice").hasSameSizeAs(console);
        assertThat(console).anyMatch(line -> line.startsWith("[algo-1] "));
        assertThat(console.get(console.size() - 1)).isEqualTo("Result: COMPLETED.");
        assertThat(indexOfLast(line -> line.startsWith("[algo-1] ")))
                .as("the job's log comes before its final summary")
                .isLessThan(indexOfFirst(line -> line.contains("ended with status Completed")));
    }

    @Test
    void failingJobReportsReasonAfterLastLogLine() {
        emulator.planJobs("failing-job", JobPlan.builder()
                .failIn("Training", "AlgorithmError: ValueError: could not convert string to float")
                .failureLogLines(List.of("Traceback (most recent call last):",
                        "ValueError: could not convert string to float: 'abc'"))
                .build());
        PreparedJob job = PreparedJob.prepare(guideExample().baseJobName(null).jobName("failing-job").build(),
                null, Instant.now(), "1");

        RunResult result;
        try (TrainingSession session = session(advancingSleeper())) {
            result = session.run(job, status(), containerLog(), new Cancellation());
        }

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(result.failureReason()).contains("AlgorithmError: ValueError: could not convert string to float");
        assertThat(console).contains("WARNING: Failure reason: AlgorithmError: ValueError: could not convert string to float");
        int traceback = indexOfFirst(line -> line.endsWith("ValueError: could not convert string to float: 'abc'"));
        assertThat(traceback).isNotNegative();
        assertThat(traceback).isLessThan(indexOfFirst(line -> line.contains("ended with status Failed")));
    }

    @Test
    void cancelStopsJobOnce() {
        Cancellation cancel = new Cancellation();
        AtomicInteger sleeps = new AtomicInteger();
        Sleeper cancelOnThirdSleep = (duration, cancellation) -> {
            if (sleeps.incrementAndGet() == 3) {
                cancel.cancel();
            }
            clock.advance(duration);
        };
        PreparedJob job = PreparedJob.prepare(guideExample().build(), null, Instant.now(), "7");

        RunResult result;
        try (TrainingSession session = session(cancelOnThirdSleep)) {
            result = session.run(job, status(), containerLog(), cancel);
        }

        assertThat(result.outcome()).isEqualTo(RunOutcome.STOPPED_ON_REQUEST);
        assertThat(result.trainingJobStatus()).isEqualTo("Stopped");
        assertThat(result.isSuccess()).isFalse();
        assertThat(emulator.callCount("StopTrainingJob")).isEqualTo(1);
    }

    @Test
    void cancelBeforeSubmitSendsNothing() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        PreparedJob job = PreparedJob.prepare(guideExample().build(), null, Instant.now(), "8");

        try (TrainingSession session = session(advancingSleeper())) {
            assertThatThrownBy(() -> session.run(job, status(), containerLog(), cancel))
                    .isInstanceOf(CancellationException.class);
        }

        assertThat(emulator.callCount("CreateTrainingJob")).isZero();
        assertThat(emulator.callCount("DescribeAlgorithm")).isZero();
    }

    @Test
    void maxRuntimeExceededIsNotSuccess() {
        emulator.planJobs("long-job", JobPlan.builder().training(Duration.ofHours(2)).build());
        PreparedJob job = PreparedJob.prepare(guideExample().baseJobName(null).jobName("long-job")
                .maxRuntime(1, RuntimeUnit.HOURS).build(), null, Instant.now(), "1");

        RunResult result;
        try (TrainingSession session = session(advancingSleeper())) {
            result = session.run(job, status(), containerLog(), new Cancellation());
        }

        assertThat(result.outcome()).isEqualTo(RunOutcome.STOPPED_BY_OTHERS);
        assertThat(result.secondaryStatus()).isEqualTo("MaxRuntimeExceeded");
        assertThat(result.isSuccess()).isFalse();
        assertThat(emulator.callCount("StopTrainingJob")).isZero();
    }

    @Test
    void duplicateNameFailsWithoutTouchingJob() {
        PreparedJob first = PreparedJob.prepare(guideExample().baseJobName(null).jobName("nightly-fixed").build(),
                null, Instant.now(), "1");
        PreparedJob second = PreparedJob.prepare(guideExample().baseJobName(null).jobName("nightly-fixed").build(),
                null, Instant.now(), "2");

        try (TrainingSession session = session(advancingSleeper())) {
            session.submit(first, status(), new Cancellation());
            assertThatThrownBy(() -> session.run(second, status(), containerLog(), new Cancellation()))
                    .isInstanceOf(TrainingRunException.class)
                    .hasMessageContaining("nightly-fixed");
        }

        assertThat(emulator.callCount("StopTrainingJob")).isZero();
        assertThat(emulator.callCount("DescribeTrainingJob")).isLessThanOrEqualTo(1);
    }

    @Test
    void throttledPollsStillComplete() {
        emulator.faults().throttle("DescribeTrainingJob", 4);
        PreparedJob job = PreparedJob.prepare(guideExample().build(), null, Instant.now(), "9");

        RunResult result;
        try (TrainingSession session = session(advancingSleeper())) {
            result = session.run(job, status(), containerLog(), new Cancellation());
        }

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(linesContaining("DescribeTrainingJob was throttled")).hasSize(1);
    }

    @Test
    void algorithmMismatchSubmitsNothing() {
        TrainingJobSpec spec = guideExample()
                .channels(List.of(ChannelSpec.of("validation", TRAIN_PREFIX)))
                .instanceType("ml.t3.medium")
                .build();
        PreparedJob job = PreparedJob.prepare(spec, null, Instant.now(), "3");

        try (TrainingSession session = session(advancingSleeper())) {
            assertThatThrownBy(() -> session.run(job, status(), containerLog(), new Cancellation()))
                    .isInstanceOf(InvalidSpecException.class)
                    .hasMessageContaining("validation")
                    .hasMessageContaining("ml.t3.medium");
        }

        assertThat(emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void resumedTrackingRepeatsNoLine() throws Exception {
        PreparedJob job = PreparedJob.prepare(guideExample().build(), null, Instant.now(), "11");

        try (TrainingSession session = session(advancingSleeper())) {
            session.submit(session.checkAlgorithm(job, status()), status(), new Cancellation());
            JobTracking tracking = session.startTracking(job.jobName());
            SessionStep step;
            do {
                // Every poll goes through Java serialization, as a resumed pipeline step would.
                step = session.poll(roundTrip(tracking), status(), containerLog());
                tracking = step.next();
                clock.advance(step.nextDelay());
            } while (!step.isDone());
            assertThat(step.result().orElseThrow().outcome()).isEqualTo(RunOutcome.COMPLETED);
        }

        assertThat(new HashSet<>(console)).hasSameSizeAs(console);
        assertThat(linesContaining(" Training: ")).hasSize(1);
        assertThat(console).anyMatch(line -> line.startsWith("[algo-1] "));
    }

    private TrainingJobSpec.Builder guideExample() {
        return TrainingJobSpec.builder()
                .baseJobName("test-marketplace")
                .algorithm(ALGORITHM_ARN)
                .roleArn(ROLE_ARN)
                .instanceType("ml.c4.xlarge")
                .instanceCount(1)
                .volumeSizeInGb(30)
                .maxRuntime(1, RuntimeUnit.DAYS)
                .hyperparameter("epochs", "10")
                .channel(ChannelSpec.builder().name("training").s3Uri(TRAIN_PREFIX).contentType("text/csv").build())
                .outputPath("s3://example-bucket/integ-test-data/marketplace/output");
    }

    private TrainingSession session(Sleeper sleeper) {
        RunSettings settings = RunSettings.builder()
                .clock(emulatorClock())
                .sleeper(sleeper)
                .build();
        return TrainingSession.using(clients, settings, LogRelayOptions.defaults().withExpectedStreams(1));
    }

    private Sleeper advancingSleeper() {
        return (duration, cancellation) -> clock.advance(duration);
    }

    private Clock emulatorClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("The emulator clock is UTC only");
            }

            @Override
            public Instant instant() {
                return clock.now();
            }
        };
    }

    private LogSink status() {
        return new LogSink() {
            @Override
            public void info(String line) {
                console.add(line);
            }

            @Override
            public void warn(String line) {
                console.add("WARNING: " + line);
            }
        };
    }

    private LogLineSink containerLog() {
        return LogLineSink.of(console::add, line -> console.add("WARNING: " + line));
    }

    private List<String> linesContaining(String text) {
        return console.stream().filter(line -> line.contains(text)).toList();
    }

    private int indexOfFirst(Predicate<String> test) {
        for (int i = 0; i < console.size(); i++) {
            if (test.test(console.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private int indexOfLast(Predicate<String> test) {
        for (int i = console.size() - 1; i >= 0; i--) {
            if (test.test(console.get(i))) {
                return i;
            }
        }
        return -1;
    }

    private static JobTracking roundTrip(JobTracking tracking) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(tracking);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (JobTracking) in.readObject();
        }
    }
}
