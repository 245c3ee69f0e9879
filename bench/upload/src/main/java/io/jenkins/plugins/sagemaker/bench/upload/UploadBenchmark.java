package io.jenkins.plugins.sagemaker.bench.upload;

import ch.qos.logback.classic.Level;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import io.jenkins.plugins.sagemaker.engine.upload.ChannelUpload;
import io.jenkins.plugins.sagemaker.engine.upload.ChannelUploadResult;
import io.jenkins.plugins.sagemaker.engine.upload.S3Prefix;
import io.jenkins.plugins.sagemaker.engine.upload.UploadSettings;
import io.jenkins.plugins.sagemaker.engine.upload.WorkspaceUploader;
import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.LocalWorkspaceAgent;
import io.jenkins.plugins.sagemaker.engine.upload.agent.ProgressSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Compares {@link WorkspaceUploader} with {@code aws s3 cp --recursive} against the emulator's
 * S3Proxy on 127.0.0.1, in one run: (a) 1 GiB in 4 files, (b) 20,000 files of 10 KiB, (c) a rerun
 * of (a) with unchanged data. Prints a Markdown table of medians.
 *
 * <p>Arguments: {@code [runs] [aws-cli-path]}, default {@code 3 /usr/bin/aws}. Data goes to a new
 * folder under {@code java.io.tmpdir} and is deleted at the end.
 */
public final class UploadBenchmark {

    private static final long MIB = 1024L * 1024;

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String endpoint;
    private final String aws;
    private final Path cliConfig;
    private final SageMakerEmulator emulator;
    private final Map<String, List<Double>> seconds = new TreeMap<>();
    private final Map<String, List<Double>> serverCpu = new TreeMap<>();
    private int prefixCount;

    private UploadBenchmark(SageMakerEmulator emulator, String aws, Path cliConfig) {
        this.emulator = emulator;
        this.aws = aws;
        this.cliConfig = cliConfig;
        this.endpoint = emulator.s3Endpoint().toString();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()));
        this.s3 = S3Client.builder()
                .endpointOverride(emulator.s3Endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_2)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(64))
                .build();
        this.presigner = S3Presigner.builder()
                .endpointOverride(emulator.s3Endpoint())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .region(Region.US_EAST_2)
                .credentialsProvider(credentials)
                .build();
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        String aws = args.length > 1 ? args[1] : "/usr/bin/aws";
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);

        Path data = Files.createTempDirectory("upload-bench-");
        try (SageMakerEmulator emulator = SageMakerEmulator.start()) {
            // Only the addressing style is set; concurrency and chunk sizes stay at the CLI defaults.
            Path cliConfig = Files.writeString(data.resolve("aws-config"),
                    "[default]\ns3 =\n  addressing_style = path\n");
            Path large = Files.createDirectories(data.resolve("workspace/large"));
            Path small = Files.createDirectories(data.resolve("workspace/small"));
            BenchData.writeLarge(large, 4, 256 * MIB);
            BenchData.writeSmall(small, 20_000, 10 * 1024);

            UploadBenchmark bench = new UploadBenchmark(emulator, aws, cliConfig);
            emulator.createBucket("example-bucket");
            System.out.println("Started " + Instant.now() + ", " + runs + " runs, S3 endpoint " + bench.endpoint
                    + ", Java " + System.getProperty("java.version") + ", " + Runtime.getRuntime().availableProcessors()
                    + " processors, load average " + loadAverage());
            for (int run = 1; run <= runs; run++) {
                // Alternate who goes first, so that page cache and JIT warm-up favour neither side.
                boolean oursFirst = run % 2 == 1;
                bench.round(data.resolve("workspace"), oursFirst);
            }
            bench.printTable();
            System.out.println("Finished " + Instant.now() + ", load average " + loadAverage());
        } finally {
            BenchData.deleteTree(data);
        }
    }

    private void round(Path workspace, boolean oursFirst) throws Exception {
        for (String set : List.of("large", "small")) {
            if (oursFirst) {
                ours(workspace, set);
                cli(workspace, set);
            } else {
                cli(workspace, set);
                ours(workspace, set);
            }
        }
    }

    private void ours(Path workspace, String set) throws IOException {
        S3Prefix prefix = S3Prefix.parse("s3://example-bucket/ours-" + (++prefixCount));
        UploadSettings settings = UploadSettings.defaults();
        WorkspaceUploader uploader = new WorkspaceUploader(s3, presigner, settings);
        ChannelUpload channel = new ChannelUpload("train", set, prefix);
        LocalWorkspaceAgent agent = new LocalWorkspaceAgent(workspace, ProgressSink.NONE, CancellationToken.none());

        long cpu = jvmCpuNanos();
        long start = System.nanoTime();
        ChannelUploadResult first = uploader.upload(channel, agent, ProgressSink.NONE, CancellationToken.none());
        record("ours " + set, start, cpu);
        check(first.uploadedFiles() > 0 && first.skippedFiles() == 0, "first upload skipped files: " + first);

        if (set.equals("large")) {
            cpu = jvmCpuNanos();
            start = System.nanoTime();
            ChannelUploadResult rerun = uploader.upload(channel, agent, ProgressSink.NONE, CancellationToken.none());
            record("ours large rerun", start, cpu);
            check(rerun.uploadedFiles() == 0, "rerun uploaded files: " + rerun);

            WorkspaceUploader hashing = new WorkspaceUploader(s3, presigner, settings.withAlwaysHash(true));
            cpu = jvmCpuNanos();
            start = System.nanoTime();
            ChannelUploadResult hashed = hashing.upload(channel, agent, ProgressSink.NONE, CancellationToken.none());
            record("ours large rerun, always hash", start, cpu);
            check(hashed.uploadedFiles() == 0, "hashed rerun uploaded files: " + hashed);
        }
        checkAndDelete(prefix.listPrefix(), set.equals("large") ? 4 : 20_000);
    }

    private void cli(Path workspace, String set) throws Exception {
        String prefix = "cli-" + (++prefixCount) + "/";
        ProcessBuilder builder = new ProcessBuilder(aws, "s3", "cp", "--recursive", "--only-show-errors",
                "--endpoint-url", endpoint, workspace.resolve(set).toString(), "s3://example-bucket/" + prefix);
        Map<String, String> env = builder.environment();
        env.put("AWS_ACCESS_KEY_ID", emulator.accessKeyId());
        env.put("AWS_SECRET_ACCESS_KEY", emulator.secretAccessKey());
        env.put("AWS_DEFAULT_REGION", "us-east-2");
        env.put("AWS_EC2_METADATA_DISABLED", "true");
        env.put("AWS_CONFIG_FILE", cliConfig.toString());
        env.put("AWS_SHARED_CREDENTIALS_FILE", cliConfig.resolveSibling("no-credentials").toString());
        builder.inheritIO();

        long cpu = jvmCpuNanos();
        long start = System.nanoTime();
        int exit = builder.start().waitFor();
        record("cli " + set, start, cpu);
        check(exit == 0, "aws s3 cp exited with " + exit);
        checkAndDelete(prefix, set.equals("large") ? 4 : 20_000);
    }

    private void record(String name, long startNanos, long startCpuNanos) {
        double elapsed = (System.nanoTime() - startNanos) / 1e9;
        double cpu = (jvmCpuNanos() - startCpuNanos) / 1e9;
        seconds.computeIfAbsent(name, key -> new ArrayList<>()).add(elapsed);
        serverCpu.computeIfAbsent(name, key -> new ArrayList<>()).add(cpu);
        System.out.printf(Locale.ROOT, "%-32s %8.2f s wall, %8.2f s CPU in the benchmark JVM%n", name, elapsed, cpu);
    }

    private void checkAndDelete(String prefix, int expected) {
        List<ObjectIdentifier> keys = new ArrayList<>();
        for (S3Object object : s3.listObjectsV2Paginator(b -> b.bucket("example-bucket").prefix(prefix)).contents()) {
            keys.add(ObjectIdentifier.builder().key(object.key()).build());
        }
        check(keys.size() == expected, "expected " + expected + " objects under " + prefix + ", found " + keys.size());
        for (int from = 0; from < keys.size(); from += 1000) {
            List<ObjectIdentifier> page = keys.subList(from, Math.min(keys.size(), from + 1000));
            s3.deleteObjects(b -> b.bucket("example-bucket").delete(d -> d.objects(page).quiet(true)));
        }
    }

    private void printTable() {
        double oursLarge = median("ours large");
        double cliLarge = median("cli large");
        double oursSmall = median("ours small");
        double cliSmall = median("cli small");
        double rerun = median("ours large rerun");
        double hashedRerun = median("ours large rerun, always hash");
        double gib = 4 * 256 * MIB / (1024.0 * MIB);
        double smallMib = 20_000 * 10 * 1024 / (double) MIB;

        System.out.println();
        System.out.println("| Case | Ours (median s) | AWS CLI (median s) | Ours / CLI throughput |");
        System.out.println("|---|---|---|---|");
        System.out.printf(Locale.ROOT, "| (a) 1 GiB in 4 files | %.2f (%.0f MiB/s) | %.2f (%.0f MiB/s) | %.2fx |%n",
                oursLarge, gib * 1024 / oursLarge, cliLarge, gib * 1024 / cliLarge, cliLarge / oursLarge);
        System.out.printf(Locale.ROOT,
                "| (b) 20,000 files of 10 KiB | %.2f (%.0f files/s) | %.2f (%.0f files/s) | %.2fx |%n",
                oursSmall, 20_000 / oursSmall, cliSmall, 20_000 / cliSmall, cliSmall / oursSmall);
        System.out.printf(Locale.ROOT, "| (c) rerun of (a), unchanged | %.3f (%.1f%% of ours (a)) | - | - |%n",
                rerun, 100 * rerun / oursLarge);
        System.out.printf(Locale.ROOT, "| (c') rerun of (a), always hash | %.2f (%.0f%% of ours (a)) | - | - |%n",
                hashedRerun, 100 * hashedRerun / oursLarge);
        System.out.println();
        System.out.println("All samples (s wall / s CPU of the benchmark JVM, which hosts S3Proxy):");
        seconds.forEach((name, values) -> System.out.println("  " + name + ": " + values + " / "
                + serverCpu.get(name)));
        System.out.printf(Locale.ROOT, "Small data set: %.1f MiB in total%n", smallMib);
    }

    private double median(String name) {
        List<Double> values = new ArrayList<>(seconds.get(name));
        values.sort(Double::compare);
        int middle = values.size() / 2;
        return values.size() % 2 == 1 ? values.get(middle) : (values.get(middle - 1) + values.get(middle)) / 2;
    }

    /** Returns the 1, 5 and 15 minute load averages on Linux, since other work on the machine skews timings. */
    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static long jvmCpuNanos() {
        return ProcessHandle.current().info().totalCpuDuration().map(Duration::toNanos).orElse(0L);
    }

    private static void check(boolean condition, String message) {
        if (!condition) {
            throw new IllegalStateException(message);
        }
    }

    static List<Path> list(Path folder) throws IOException {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.toList();
        }
    }
}
