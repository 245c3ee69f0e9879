package io.jenkins.plugins.sagemaker.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import io.jenkins.plugins.sagemaker.emulator.ManualClock;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.DataSource;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricDefinition;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;

/**
 * Whole training jobs on the emulator, followed the way the job follower does: on each tick a
 * DescribeTrainingJob and a relay poll, and when the job is terminal a drain before the result.
 */
class LogRelayEmulatorTest {

    private static final String BUCKET = "example-bucket";
    private static final Duration TICK = Duration.ofSeconds(30);
    private static final Set<String> TERMINAL = Set.of("Completed", "Failed", "Stopped");

    private SageMakerEmulator emulator;
    private ManualClock clock;
    private SageMakerClient sageMaker;
    private CloudWatchLogsClient logs;

    static {
        // Without TCP_NODELAY the emulator's JDK HTTP server responds about 40 ms late to each call,
        // because of delayed ACKs. The JDK reads the property once, when the first server starts.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    @BeforeEach
    void startEmulator() {
        emulator = SageMakerEmulator.start();
        clock = emulator.manualClock();
        emulator.createBucket(BUCKET);
        emulator.putObject(BUCKET, "data/train/part-0.csv", "1,2\n".getBytes(StandardCharsets.UTF_8));
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()));
        // No SDK retries: each injected fault reaches the relay.
        sageMaker = SageMakerClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
        logs = CloudWatchLogsClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @AfterEach
    void stopEmulator() {
        sageMaker.close();
        logs.close();
        emulator.close();
    }

    private void createJob(String name, int instances) {
        sageMaker.createTrainingJob(b -> b
                .trainingJobName(name)
                .algorithmSpecification(AlgorithmSpecification.builder()
                        .trainingImage("123456789012.dkr.ecr.us-east-2.amazonaws.com/train:latest")
                        .trainingInputMode(TrainingInputMode.FILE)
                        .metricDefinitions(MetricDefinition.builder()
                                .name("train:loss").regex("train:loss <loss>=([0-9.]+)").build())
                        .build())
                .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
                .inputDataConfig(Channel.builder()
                        .channelName("train")
                        .dataSource(DataSource.builder().s3DataSource(S3DataSource.builder()
                                .s3DataType("S3Prefix").s3Uri("s3://" + BUCKET + "/data/train/").build()).build())
                        .build())
                .outputDataConfig(OutputDataConfig.builder().s3OutputPath("s3://" + BUCKET + "/output").build())
                .resourceConfig(ResourceConfig.builder()
                        .instanceType("ml.m5.xlarge").instanceCount(instances).volumeSizeInGB(10).build())
                .stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(86_400).build()));
    }

    /** Console of one followed job: log lines, relay warnings and the result line, in order. */
    private static final class Console implements LogLineSink {
        final List<String> all = new ArrayList<>();
        final List<String> warnings = new ArrayList<>();

        @Override
        public void line(String line) {
            all.add(line);
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
            all.add("WARNING: " + message);
        }

        List<String> logLines() {
            return all.stream().filter(line -> line.startsWith("[")).toList();
        }
    }

    /** A follow loop like the job follower's; a test may replace its relay and position between ticks. */
    private final class Follower {
        final String job;
        LogRelay relay;
        LogPosition position = LogPosition.start();
        final Console console = new Console();
        DescribeTrainingJobResponse last;
        int ticks;

        Follower(String job, LogRelayOptions options) {
            this.job = job;
            this.relay = new LogRelay(logs, job, options.withDrainRetryPause(Duration.ZERO));
        }

        boolean tick() {
            clock.advance(TICK);
            ticks++;
            last = sageMaker.describeTrainingJob(b -> b.trainingJobName(job));
            position = relay.poll(position, console, clock.now());
            if (!TERMINAL.contains(last.trainingJobStatusAsString())) {
                return false;
            }
            position = relay.drain(position, console, clock.now());
            console.all.add("RESULT " + last.trainingJobStatusAsString());
            MetricsTable.formatLines(last.finalMetricDataList()).forEach(console.all::add);
            return true;
        }

        Follower runToEnd() {
            for (int i = 0; i < 10_000; i++) {
                if (tick()) {
                    return this;
                }
            }
            throw new AssertionError("Job " + job + " did not end within 10,000 ticks");
        }
    }

    private static List<String> numbered(String prefix, int count) {
        List<String> lines = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            lines.add(prefix + " " + i);
        }
        return lines;
    }

    private static List<String> prefixed(String host, List<String> lines) {
        return lines.stream().map(line -> "[" + host + "] " + line).toList();
    }

    @Test
    void lateSecondStreamIsFollowed() {
        List<String> first = numbered("first host line", 20);
        List<String> second = numbered("second host line", 20);
        emulator.planJobs("late-", JobPlan.builder()
                .training(Duration.ofMinutes(10))
                .logLines(1, first)
                .logLines(2, second)
                .logStreamDelay(2, Duration.ofMinutes(4))
                .build());
        createJob("late-1", 2);

        Follower follower = new Follower("late-1", LogRelayOptions.defaults().withExpectedStreams(2)).runToEnd();

        List<String> lines = follower.console.logLines();
        assertThat(lines).hasSize(40);
        assertThat(lines.stream().filter(line -> line.startsWith("[algo-1] ")).toList())
                .containsExactlyElementsOf(prefixed("algo-1", first));
        assertThat(lines.stream().filter(line -> line.startsWith("[algo-2] ")).toList())
                .containsExactlyElementsOf(prefixed("algo-2", second));
        assertThat(follower.position.streamNames()).hasSize(2);
        assertThat(follower.console.warnings).isEmpty();
    }

    @Test
    void sixtyStreamsEachLineOnce() {
        emulator.planJobs("wide-", JobPlan.builder().training(Duration.ofMinutes(5)).build());
        createJob("wide-1", 60);

        Follower follower = new Follower("wide-1", LogRelayOptions.defaults().withExpectedStreams(60)).runToEnd();

        List<String> lines = follower.console.logLines();
        assertThat(follower.position.streamNames()).hasSize(60);
        for (int host = 1; host <= 60; host++) {
            String prefix = "[algo-" + host + "] ";
            assertThat(lines.stream().filter(line -> line.startsWith(prefix)))
                    .as("lines of host algo-%d", host)
                    .hasSize(6)
                    .doesNotHaveDuplicates()
                    .last().asString().startsWith(prefix + "Training finished");
        }
        assertThat(lines).hasSize(360);
    }

    @Test
    void twoHourSilenceCostsFewReads() {
        // Two lines spread over 6 hours of training: at 2 h and at 4 h, silent in between.
        emulator.planJobs("quiet-", JobPlan.builder()
                .training(Duration.ofHours(6))
                .logLines(1, List.of("before the silence", "after two silent hours"))
                .build());
        createJob("quiet-1", 1);
        Follower follower = new Follower("quiet-1", LogRelayOptions.defaults().withExpectedStreams(1));
        while (!follower.console.logLines().contains("[algo-1] before the silence")) {
            follower.tick();
        }
        int readsBefore = emulator.callCount("GetLogEvents");
        int discoveriesBefore = emulator.callCount("DescribeLogStreams");
        int ticksBefore = follower.ticks;

        while (!follower.console.logLines().contains("[algo-1] after two silent hours")) {
            follower.tick();
        }
        int ticksOfSilence = follower.ticks - ticksBefore;
        int logCalls = emulator.callCount("GetLogEvents") - readsBefore
                + emulator.callCount("DescribeLogStreams") - discoveriesBefore;
        follower.runToEnd();

        assertThat(ticksOfSilence).isBetween(240, 251);
        // A 5-minute cap of every backoff allows about 12 discoveries and 12 reads an hour.
        assertThat(logCalls).isLessThanOrEqualTo(60);
        assertThat(follower.console.logLines())
                .containsExactly("[algo-1] before the silence", "[algo-1] after two silent hours");
    }

    @Test
    void resumedFollowPrintsSameLines() throws Exception {
        JobPlan plan = JobPlan.builder()
                .training(Duration.ofMinutes(10))
                .logLines(1, numbered("alpha", 50))
                .logLines(2, numbered("beta", 50))
                .logStreamDelay(2, Duration.ofMinutes(2))
                .build();
        emulator.planJobs("resume-", plan);
        LogRelayOptions options = LogRelayOptions.defaults().withExpectedStreams(2);
        createJob("resume-a", 2);
        Follower uninterrupted = new Follower("resume-a", options).runToEnd();

        // The second job starts when the first has ended, so both are followed on the same timeline.
        createJob("resume-b", 2);
        Follower resumed = new Follower("resume-b", options);
        for (int i = 0; i < 100 && !resumed.tick(); i++) {
            if (resumed.ticks % 7 == 0) {
                // A restarted step: a new relay continues from the deserialized position.
                resumed.position = roundTrip(resumed.position);
                resumed.relay = new LogRelay(logs, "resume-b", options.withDrainRetryPause(Duration.ZERO));
            }
        }

        assertThat(resumed.console.logLines()).hasSize(100);
        assertThat(resumed.console.all).containsExactlyElementsOf(uninterrupted.console.all);
    }

    @Test
    void longLinesAreCutWithMarker() {
        emulator.planJobs("long-", JobPlan.builder()
                .logLines(1, List.of("a".repeat(20_000), "b".repeat(200_000), "après 数据 \uD83D\uDE80", "end"))
                .build());
        createJob("long-1", 1);

        Follower follower = new Follower("long-1", LogRelayOptions.defaults()).runToEnd();

        List<String> lines = follower.console.logLines();
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("[algo-1] " + "a".repeat(16_384) + " … [cut 3,616 characters]");
        assertThat(lines.get(1)).isEqualTo("[algo-1] " + "b".repeat(16_384) + " … [cut 183,616 characters]");
        assertThat(lines.get(2)).isEqualTo("[algo-1] après 数据 \uD83D\uDE80");
        assertThat(lines.get(3)).isEqualTo("[algo-1] end");
    }

    @Test
    void tracebackIsPrintedBeforeFailedResult() {
        emulator.planJobs("fails-", JobPlan.builder()
                .training(Duration.ofMinutes(3))
                .logLines(1, numbered("epoch", 10))
                .failIn("Training", "ValueError: input contains NaN")
                .build());
        createJob("fails-1", 1);

        Follower follower = new Follower("fails-1", LogRelayOptions.defaults().withExpectedStreams(1)).runToEnd();

        List<String> all = follower.console.all;
        int result = all.indexOf("RESULT Failed");
        assertThat(result).isPositive();
        assertThat(all.get(result - 1)).isEqualTo("[algo-1] ValueError: input contains NaN");
        assertThat(all.get(result - 4)).isEqualTo("[algo-1] Traceback (most recent call last):");
        assertThat(follower.console.logLines()).hasSize(14).doesNotHaveDuplicates();
    }

    @Test
    void throttlingDelaysButLosesNothing() {
        emulator.planJobs("busy-", JobPlan.builder()
                .training(Duration.ofMinutes(5))
                .logLines(1, numbered("step", 30))
                .build());
        createJob("busy-throttled", 1);
        emulator.faults().throttle("DescribeLogStreams", 4);
        emulator.faults().throttle("GetLogEvents", 6);

        Follower busy = new Follower("busy-throttled", LogRelayOptions.defaults().withExpectedStreams(1)).runToEnd();
        emulator.faults().clear();
        createJob("busy-calm", 1);
        Follower calm = new Follower("busy-calm", LogRelayOptions.defaults().withExpectedStreams(1)).runToEnd();

        assertThat(busy.console.warnings).isEmpty();
        assertThat(busy.console.logLines()).containsExactlyElementsOf(prefixed("algo-1", numbered("step", 30)));
        assertThat(busy.console.all).containsExactlyElementsOf(calm.console.all);
    }

    @Test
    void persistentServerErrorsWarnAndStatusGoesOn() {
        // The emulator cannot return AccessDeniedException, so LogRelayTest covers it on a loopback
        // endpoint. Here repeated server errors show the other branch: one warning, and relay stays on.
        emulator.planJobs("broken-", JobPlan.builder()
                .training(Duration.ofMinutes(5))
                .logLines(1, numbered("step", 5))
                .build());
        createJob("broken-1", 1);
        emulator.faults().serverError("DescribeLogStreams", 8);

        Follower follower = new Follower("broken-1", LogRelayOptions.defaults().withExpectedStreams(1)).runToEnd();

        assertThat(follower.console.warnings).hasSize(1);
        assertThat(follower.console.warnings.get(0)).contains("failed 3 times in a row");
        assertThat(follower.position.disabled()).isFalse();
        assertThat(follower.console.logLines()).containsExactlyElementsOf(prefixed("algo-1", numbered("step", 5)));
        assertThat(follower.console.all).contains("RESULT Completed");
    }

    @Test
    void finalMetricsTableFollowsResult() {
        emulator.planJobs("metrics-", JobPlan.builder().training(Duration.ofMinutes(3)).build());
        createJob("metrics-1", 1);

        Follower follower = new Follower("metrics-1", LogRelayOptions.defaults()).runToEnd();

        List<String> all = follower.console.all;
        int result = all.indexOf("RESULT Completed");
        assertThat(all.subList(result + 1, all.size())).hasSize(2);
        assertThat(all.get(result + 1)).isEqualTo("Metric      Value  Time");
        assertThat(all.get(result + 2)).startsWith("train:loss   0.25  ");
    }

    private static LogPosition roundTrip(LogPosition position) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(position);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (LogPosition) in.readObject();
        }
    }
}
