package io.jenkins.plugins.sagemaker.bench.logs;

import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import io.jenkins.plugins.sagemaker.emulator.ManualClock;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import io.jenkins.plugins.sagemaker.engine.logs.LogLineSink;
import io.jenkins.plugins.sagemaker.engine.logs.LogPosition;
import io.jenkins.plugins.sagemaker.engine.logs.LogRelay;
import io.jenkins.plugins.sagemaker.engine.logs.LogRelayOptions;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.DataSource;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;

/**
 * Benchmarks of the log relay against the emulator, all on loopback.
 *
 * <ul>
 *   <li>{@code throughput [runs] [lines]}: relays the lines of one finished stream into a console
 *       that only counts them; prints lines per second and the heap after a full GC every 100,000
 *       lines. The emulator runs in the same JVM, so the heap includes its copy of the log.
 *   <li>{@code calls [runs]}: follows a job with one hour of Training and one log line every 5
 *       seconds per instance, once with the relay on the follower's 30-second tick and once with a
 *       fixed 30-second DescribeTrainingJob plus a 10-second log poll; prints the API calls per
 *       job-hour that the emulator counted.
 * </ul>
 */
public final class LogRelayBenchmark {

    private static final String BUCKET = "example-bucket";
    private static final Set<String> TERMINAL = Set.of("Completed", "Failed", "Stopped");
    private static final int HEAP_SAMPLE_LINES = 100_000;

    private LogRelayBenchmark() {}

    public static void main(String[] args) {
        String mode = args.length > 0 ? args[0] : "all";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int lines = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
        System.out.printf(Locale.ROOT, "java %s, %d processors, max heap %d MiB%n",
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                Runtime.getRuntime().maxMemory() >> 20);
        if (mode.equals("throughput") || mode.equals("all")) {
            throughput(runs, lines);
        }
        if (mode.equals("calls") || mode.equals("all")) {
            calls(runs);
        }
    }

    // ---- throughput ----

    private static void throughput(int runs, int lines) {
        double[] rates = new double[runs];
        for (int run = 0; run < runs; run++) {
            rates[run] = throughputRun(run + 1, lines);
        }
        System.out.printf(Locale.ROOT, "throughput: median %,.0f lines/s over %d runs of %,d lines, all %s%n",
                median(rates), runs, lines, Arrays.toString(rates));
    }

    private static double throughputRun(int run, int lineCount) {
        try (SageMakerEmulator emulator = SageMakerEmulator.start(); Clients clients = new Clients(emulator)) {
            ManualClock clock = emulator.manualClock();
            String job = "throughput-" + run;
            emulator.planJobs(job, JobPlan.builder()
                    .training(Duration.ofSeconds(Math.max(10, lineCount / 1_000)))
                    .logLines(1, generatedLines(lineCount))
                    .build());
            clients.createJob(job, 1);
            // Past Starting, Downloading and Training: every line is visible before the clock starts.
            clock.advance(Duration.ofSeconds(90 + Math.max(10, lineCount / 1_000) + 5));

            LogRelay relay = new LogRelay(clients.logs, job, LogRelayOptions.defaults().withExpectedStreams(1));
            CountingConsole console = new CountingConsole();
            LogPosition position = LogPosition.start();
            Instant now = clock.now();
            List<String> heapSamples = new ArrayList<>();
            heapSamples.add(usedHeapAfterGcMiB() + " MiB at 0");
            long nextSample = HEAP_SAMPLE_LINES;
            long elapsedNanos = 0;
            long cpuNanos = 0;
            int polls = 0;
            while (console.lines < lineCount && polls < 10_000) {
                now = now.plusSeconds(30);
                long start = System.nanoTime();
                long cpuStart = processCpuNanos();
                position = relay.poll(position, console, now);
                elapsedNanos += System.nanoTime() - start;
                cpuNanos += processCpuNanos() - cpuStart;
                polls++;
                if (console.lines >= nextSample) {
                    heapSamples.add(String.format(Locale.ROOT, "%d MiB at %,d", usedHeapAfterGcMiB(), console.lines));
                    nextSample += HEAP_SAMPLE_LINES;
                }
            }
            if (console.lines != lineCount) {
                throw new IllegalStateException("Relayed " + console.lines + " lines, expected " + lineCount);
            }
            double rate = console.lines / (elapsedNanos / 1e9);
            System.out.printf(Locale.ROOT, "throughput run %d: %,d lines in %.2f s, %,.0f lines/s,"
                    + " %,.0f lines per CPU-second of the process (relay and emulator), %d polls,"
                    + " %d GetLogEvents calls; heap after GC: %s%n", run, console.lines, elapsedNanos / 1e9, rate,
                    console.lines / (cpuNanos / 1e9), polls, emulator.callCount("GetLogEvents"),
                    String.join(", ", heapSamples));
            return rate;
        }
    }

    /** Lines of about 90 characters, like the progress output of a training loop. */
    private static List<String> generatedLines(int count) {
        List<String> lines = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            lines.add(String.format(Locale.ROOT,
                    "[%07d] epoch=%d step=%d loss=%.6f lr=0.000300 throughput=%d samples/s gpu_mem=11.2GiB",
                    i, i / 10_000, i % 10_000, 1.0 / (1 + i % 977), 900 + i % 211));
        }
        return lines;
    }

    /** Returns the CPU time of this process (all threads, emulator included), less sensitive to load. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long usedHeapAfterGcMiB() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed() >> 20;
    }

    /** Console that counts lines and characters, so nothing is optimized away. */
    private static final class CountingConsole implements LogLineSink {
        long lines;
        long chars;

        @Override
        public void line(String line) {
            lines++;
            chars += line.length();
        }

        @Override
        public void warn(String message) {
            System.out.println("WARNING: " + message);
        }
    }

    // ---- calls per job-hour ----

    private static void calls(int runs) {
        for (int instances : new int[] {1, 2}) {
            double[] relayRates = new double[runs];
            double[] baselineRates = new double[runs];
            for (int run = 0; run < runs; run++) {
                relayRates[run] = callsRun("relay", instances, run);
                baselineRates[run] = callsRun("baseline", instances, run);
            }
            System.out.printf(Locale.ROOT, "calls, %d instance(s): relay median %.0f calls/job-hour,"
                    + " baseline median %.0f, ratio %.2f%n", instances, median(relayRates),
                    median(baselineRates), median(relayRates) / median(baselineRates));
        }
    }

    private static double callsRun(String mode, int instances, int run) {
        try (SageMakerEmulator emulator = SageMakerEmulator.start(); Clients clients = new Clients(emulator)) {
            ManualClock clock = emulator.manualClock();
            String job = mode + "-" + instances + "-" + run;
            JobPlan.Builder plan = JobPlan.builder().training(Duration.ofHours(1));
            int linesPerInstance = 720;
            for (int instance = 1; instance <= instances; instance++) {
                List<String> lines = new ArrayList<>();
                for (int i = 1; i <= linesPerInstance; i++) {
                    lines.add("algo-" + instance + " step " + i + " loss=" + (1.0 / i));
                }
                plan.logLines(instance, lines);
            }
            emulator.planJobs(job, plan.build());
            clients.createJob(job, instances);
            Instant start = clock.now();

            CountingConsole console = new CountingConsole();
            if (mode.equals("relay")) {
                followWithRelay(clients, clock, job, instances, console);
            } else {
                followWithBaseline(clients, clock, job, console);
            }

            double hours = Duration.between(start, clock.now()).toMillis() / 3_600_000.0;
            int describes = emulator.callCount("DescribeTrainingJob");
            int discoveries = emulator.callCount("DescribeLogStreams");
            int reads = emulator.callCount("GetLogEvents");
            double perHour = (describes + discoveries + reads) / hours;
            System.out.printf(Locale.ROOT, "calls %s, %d instance(s), run %d: %.3f job-hours, %d lines;"
                    + " DescribeTrainingJob %d, DescribeLogStreams %d, GetLogEvents %d; %.0f calls/job-hour%n",
                    mode, instances, run + 1, hours, console.lines, describes, discoveries, reads, perHour);
            if (console.lines != (long) instances * linesPerInstance) {
                throw new IllegalStateException(mode + " printed " + console.lines + " lines, expected "
                        + instances * linesPerInstance);
            }
            return perHour;
        }
    }

    /** Follows like the job follower: every 30 s one DescribeTrainingJob and one relay poll, and a drain at the end. */
    private static void followWithRelay(Clients clients, ManualClock clock, String job, int instances,
            LogLineSink console) {
        LogRelay relay = new LogRelay(clients.logs, job, LogRelayOptions.defaults().withExpectedStreams(instances));
        LogPosition position = LogPosition.start();
        while (true) {
            clock.advance(Duration.ofSeconds(30));
            String status = clients.sageMaker.describeTrainingJob(b -> b.trainingJobName(job))
                    .trainingJobStatusAsString();
            position = relay.poll(position, console, clock.now());
            if (TERMINAL.contains(status)) {
                relay.drain(position, console, clock.now());
                return;
            }
        }
    }

    /**
     * Follows like the baseline: DescribeTrainingJob every 30 s, and every 10 s a log poll that lists
     * the job's streams (all pages) and reads each stream until its forward token comes back unchanged.
     */
    private static void followWithBaseline(Clients clients, ManualClock clock, String job, LogLineSink console) {
        java.util.Map<String, String> tokens = new java.util.TreeMap<>();
        for (int tick = 1; ; tick++) {
            clock.advance(Duration.ofSeconds(10));
            boolean terminal = false;
            if (tick % 3 == 0) {
                String status = clients.sageMaker.describeTrainingJob(b -> b.trainingJobName(job))
                        .trainingJobStatusAsString();
                terminal = TERMINAL.contains(status);
            }
            baselineLogPoll(clients.logs, job, tokens, console);
            if (terminal) {
                return;
            }
        }
    }

    private static void baselineLogPoll(CloudWatchLogsClient logs, String job, java.util.Map<String, String> tokens,
            LogLineSink console) {
        String next = null;
        do {
            String pageToken = next;
            DescribeLogStreamsResponse page;
            try {
                page = logs.describeLogStreams(b -> b.logGroupName("/aws/sagemaker/TrainingJobs")
                        .logStreamNamePrefix(job + "/").limit(50).nextToken(pageToken));
            } catch (software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException e) {
                return;
            }
            for (LogStream stream : page.logStreams()) {
                tokens.putIfAbsent(stream.logStreamName(), null);
            }
            next = page.nextToken();
        } while (next != null);
        for (java.util.Map.Entry<String, String> entry : tokens.entrySet()) {
            while (true) {
                String token = entry.getValue();
                GetLogEventsResponse events = logs.getLogEvents(b -> b.logGroupName("/aws/sagemaker/TrainingJobs")
                        .logStreamName(entry.getKey()).startFromHead(true).nextToken(token));
                events.events().forEach(event -> console.line(event.message()));
                if (events.nextForwardToken().equals(token)) {
                    break;
                }
                entry.setValue(events.nextForwardToken());
            }
        }
    }

    // ---- shared ----

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /** SDK clients of the emulator with its static credentials; default SDK retries. */
    private static final class Clients implements AutoCloseable {
        final SageMakerClient sageMaker;
        final CloudWatchLogsClient logs;

        Clients(SageMakerEmulator emulator) {
            StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()));
            Region region = Region.of(emulator.region());
            sageMaker = SageMakerClient.builder().endpointOverride(emulator.endpoint()).region(region)
                    .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build();
            logs = CloudWatchLogsClient.builder().endpointOverride(emulator.endpoint()).region(region)
                    .credentialsProvider(credentials).httpClientBuilder(ApacheHttpClient.builder()).build();
            emulator.createBucket(BUCKET);
            emulator.putObject(BUCKET, "data/train/part-0.csv", "1,2\n".getBytes(StandardCharsets.UTF_8));
        }

        void createJob(String name, int instances) {
            sageMaker.createTrainingJob(b -> b
                    .trainingJobName(name)
                    .algorithmSpecification(AlgorithmSpecification.builder()
                            .trainingImage("123456789012.dkr.ecr.us-east-2.amazonaws.com/train:latest")
                            .trainingInputMode(TrainingInputMode.FILE).build())
                    .roleArn("arn:aws:iam::123456789012:role/SageMakerRole")
                    .inputDataConfig(Channel.builder().channelName("train")
                            .dataSource(DataSource.builder().s3DataSource(S3DataSource.builder()
                                    .s3DataType("S3Prefix").s3Uri("s3://" + BUCKET + "/data/train/").build()).build())
                            .build())
                    .outputDataConfig(OutputDataConfig.builder().s3OutputPath("s3://" + BUCKET + "/output").build())
                    .resourceConfig(ResourceConfig.builder().instanceType("ml.m5.xlarge").instanceCount(instances)
                            .volumeSizeInGB(10).build())
                    .stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(86_400).build()));
        }

        @Override
        public void close() {
            sageMaker.close();
            logs.close();
        }
    }
}
