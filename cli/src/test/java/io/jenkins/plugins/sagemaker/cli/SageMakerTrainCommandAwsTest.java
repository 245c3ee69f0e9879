package io.jenkins.plugins.sagemaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sagemaker.cli.SageMakerTrainCommandTest.Run;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code sagemaker-train} without {@code --local}, against an emulator that the test starts and
 * that the job description names as its endpoints, so credentials and region come from the
 * environment as they would for AWS.
 */
class SageMakerTrainCommandAwsTest {

    /** System properties that the SDK reads for credentials and region. Surefire sets some of them. */
    private static final List<String> SDK_PROPERTIES = List.of("aws.accessKeyId", "aws.secretAccessKey",
            "aws.region", "aws.sharedCredentialsFile", "aws.configFile");

    @TempDir
    Path temp;

    private SageMakerEmulator emulator;
    private final Map<String, String> savedProperties = new HashMap<>();

    @BeforeEach
    void startEmulator() {
        emulator = SageMakerEmulator.start();
        for (String name : SDK_PROPERTIES) {
            savedProperties.put(name, System.getProperty(name));
        }
        System.setProperty("aws.accessKeyId", emulator.accessKeyId());
        System.setProperty("aws.secretAccessKey", emulator.secretAccessKey());
        // Profiles must not come from the home folder of the machine that runs the tests.
        System.setProperty("aws.sharedCredentialsFile", temp.resolve("missing-credentials").toString());
        System.setProperty("aws.configFile", temp.resolve("missing-config").toString());
    }

    @AfterEach
    void stopEmulator() {
        emulator.close();
        savedProperties.forEach((name, value) -> {
            if (value == null) {
                System.clearProperty(name);
            } else {
                System.setProperty(name, value);
            }
        });
    }

    @Test
    void uploadToMissingBucketListsBuckets() throws IOException {
        emulator.createBucket("example-bucket");
        Path job = uploadJob(emulator.s3Endpoint().toString(), "s3://missing-bucket/train/");

        Run run = SageMakerTrainCommandTest.execute("--workspace", temp.toString(), "--build-id", "1", job.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_AWS_ERROR);
        assertThat(run.output()).contains("ERROR: an AWS call to S3 failed with NoSuchBucket (HTTP 404): The specified "
                + "bucket does not exist");
        assertThat(run.output()).contains("Check that the buckets that the job description names (example-bucket, "
                + "missing-bucket) exist in this account");
        assertThat(errorLines(run)).hasSize(1);
        assertThat(run.output()).doesNotContain("\tat ");
        assertThat(run.output()).doesNotContain("Exception");
        assertThat(emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void wrongSecretKeyPointsToCredentials() throws IOException {
        emulator.createBucket("example-bucket");
        System.setProperty("aws.secretAccessKey", "wrong-secret-key");
        Path job = uploadJob(emulator.s3Endpoint().toString(), "s3://example-bucket/train/");

        Run run = SageMakerTrainCommandTest.execute("--workspace", temp.toString(), "--build-id", "2", job.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_AWS_ERROR);
        assertThat(run.output()).contains("ERROR: an AWS call to S3 failed with SignatureDoesNotMatch (HTTP 403)");
        assertThat(run.output()).contains("Check the AWS credentials");
        assertThat(errorLines(run)).hasSize(1);
        assertThat(run.output()).doesNotContain("\tat ");
    }

    @Test
    void refusedConnectionNamesCause() throws IOException {
        String closedEndpoint = "http://127.0.0.1:" + closedPort();
        Path job = uploadJob(closedEndpoint, "s3://example-bucket/train/");

        Run run = SageMakerTrainCommandTest.execute("--workspace", temp.toString(), "--build-id", "3", job.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_AWS_ERROR);
        assertThat(run.output()).contains("ERROR: an AWS call failed before AWS answered: ");
        assertThat(run.output()).contains("Connection refused");
        assertThat(run.output()).contains("Check the region, the endpoint URLs");
        assertThat(errorLines(run)).hasSize(1);
        assertThat(run.output()).doesNotContain("\tat ");
    }

    @Test
    void unknownProfileFailsBeforeAnyCall() throws IOException {
        Path job = dryRunJob("region: us-east-2\n");

        Run run = SageMakerTrainCommandTest.execute("--profile", "nosuch", "--dry-run", job.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_AWS_ERROR);
        assertThat(run.output()).isEqualTo("ERROR: no AWS credentials found: profile \"nosuch\" is not in "
                + "~/.aws/credentials or ~/.aws/config (or the files that AWS_SHARED_CREDENTIALS_FILE and "
                + "AWS_CONFIG_FILE name). Check the name, or create it with aws configure --profile nosuch."
                + System.lineSeparator());
        assertThat(emulator.calls()).isEmpty();
    }

    @Test
    void regionFromSystemProperty() throws IOException {
        System.setProperty("aws.region", "us-east-2");
        Path job = dryRunJob("");

        Run run = SageMakerTrainCommandTest.execute("--dry-run", "--build-id", "4", job.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_COMPLETED);
        assertThat(run.output()).contains("CreateTrainingJob request (not sent):");
        assertThat(run.output()).doesNotContain("ERROR:");
    }

    /**
     * Runs in a child JVM without any AWS_* variable, because the credential chain also reads the
     * environment, which a test cannot change in-process. The chain's instance-role step would ask the
     * EC2 metadata address, so {@code aws.disableEc2Metadata} turns that step off.
     */
    @Test
    void noCredentialsFailsBeforeAnyCall() throws Exception {
        Path job = dryRunJob("region: us-east-2\n");

        Run run = executeInChildJvm(Map.of(), "--dry-run", job.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_AWS_ERROR);
        assertThat(run.output()).isEqualTo("ERROR: no AWS credentials found: set AWS_ACCESS_KEY_ID and "
                + "AWS_SECRET_ACCESS_KEY, pass --profile NAME, or run where an instance or container role is "
                + "available." + System.lineSeparator());
        assertThat(emulator.calls()).isEmpty();
    }

    @Test
    void regionFromEnvironmentVariable() throws Exception {
        Path job = dryRunJob("");

        Run run = executeInChildJvm(Map.of("AWS_REGION", "us-east-2",
                "AWS_ACCESS_KEY_ID", emulator.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", emulator.secretAccessKey()), "--dry-run", "--build-id", "5", job.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_COMPLETED);
        assertThat(run.output()).contains("CreateTrainingJob request (not sent):");
    }

    @Test
    void missingRegionNamesSources() throws Exception {
        Path job = dryRunJob("");

        Run run = executeInChildJvm(Map.of("AWS_ACCESS_KEY_ID", emulator.accessKeyId(),
                "AWS_SECRET_ACCESS_KEY", emulator.secretAccessKey()), "--dry-run", job.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_INVALID);
        assertThat(run.output()).isEqualTo("ERROR: AWS region is missing: pass --region, set region in the job "
                + "description, set the aws.region system property or the AWS_REGION environment variable, or set "
                + "region for the AWS profile in ~/.aws/config." + System.lineSeparator());
        assertThat(emulator.calls()).isEmpty();
    }

    /** Writes a job with a workspace channel ({@code localPath}) whose files go to {@code channelUri}. */
    private Path uploadJob(String s3Endpoint, String channelUri) throws IOException {
        Files.createDirectories(temp.resolve("data"));
        Files.writeString(temp.resolve("data/train.csv"), "1,2,3\n");
        Path job = temp.resolve("upload-job.yaml");
        Files.writeString(job, """
                baseJobName: upload-check
                trainingImage: 123456789012.dkr.ecr.us-east-2.amazonaws.com/xgboost:1.7
                roleArn: arn:aws:iam::123456789012:role/SageMakerRole
                region: us-east-2
                endpointUrl: %s
                s3EndpointUrl: %s
                instanceType: ml.m5.xlarge
                instanceCount: 1
                channels:
                  - name: train
                    localPath: data
                    s3Uri: %s
                outputPath: s3://example-bucket/output/
                """.formatted(emulator.endpoint(), s3Endpoint, channelUri));
        return job;
    }

    /** Writes a job whose input data exists in the emulator's S3, so its dry run passes. */
    private Path dryRunJob(String regionLine) throws IOException {
        emulator.createBucket("example-bucket");
        emulator.putObject("example-bucket", "train/train.csv", "1,2,3\n".getBytes(StandardCharsets.UTF_8));
        Path job = temp.resolve("dry-run-job.yaml");
        Files.writeString(job, regionLine + """
                baseJobName: region-check
                trainingImage: 123456789012.dkr.ecr.us-east-2.amazonaws.com/xgboost:1.7
                roleArn: arn:aws:iam::123456789012:role/SageMakerRole
                endpointUrl: %s
                s3EndpointUrl: %s
                instanceType: ml.m5.xlarge
                instanceCount: 1
                channels:
                  - name: train
                    s3Uri: s3://example-bucket/train/
                outputPath: s3://example-bucket/output/
                """.formatted(emulator.endpoint(), emulator.s3Endpoint()));
        return job;
    }

    /**
     * Runs the command in a new JVM whose environment has no AWS_* variable except {@code awsVariables},
     * and whose shared config files do not exist.
     */
    private Run executeInChildJvm(Map<String, String> awsVariables, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Daws.disableEc2Metadata=true",
                "-cp", System.getProperty("java.class.path"),
                SageMakerTrainCommand.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
        builder.environment().put("AWS_EC2_METADATA_DISABLED", "true");
        builder.environment().put("AWS_SHARED_CREDENTIALS_FILE", temp.resolve("missing-credentials").toString());
        builder.environment().put("AWS_CONFIG_FILE", temp.resolve("missing-config").toString());
        builder.environment().putAll(awsVariables);

        Process process = builder.start();
        try {
            byte[] output = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Run(process.exitValue(), new String(output, StandardCharsets.UTF_8));
        } finally {
            process.destroyForcibly();
        }
    }

    private static List<String> errorLines(Run run) {
        return run.output().lines().filter(line -> line.contains("ERROR")).toList();
    }

    /** Returns a loopback port that nothing listens on: one the system just handed out and that is closed again. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
