package io.jenkins.plugins.sagemaker.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Runs {@code sagemaker-train} on the README's example against the in-process emulator. */
class SageMakerTrainCommandTest {

    private static final Path EXAMPLE = Path.of("..", "examples", "marketplace-job.yaml");
    private static final String SEED =
            "../examples/data/train.csv=s3://example-bucket/integ-test-data/marketplace/train/train.csv";

    @TempDir
    Path temp;

    @Test
    void localExampleCompletes() {
        Run run = execute("--local", "--local-speed", "600", "--build-id", "1", "--seed", SEED, EXAMPLE.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_COMPLETED);
        assertThat(run.output()).contains("Training job: test-marketplace-");
        assertThat(run.output()).contains("Completed: Training job completed");
        assertThat(run.output()).contains("[algo-1] ");
        assertThat(run.output()).contains("Model artifacts: s3://example-bucket/integ-test-data/marketplace/output/");
        assertThat(run.output()).contains("train:loss");
        assertThat(run.output()).endsWith("Result: COMPLETED." + System.lineSeparator());
    }

    @Test
    void dryRunPrintsRequestWithoutSubmitting() {
        Run run = execute("--local", "--dry-run", "--build-id", "2", "--seed", SEED, EXAMPLE.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_COMPLETED);
        assertThat(run.output()).contains("CreateTrainingJob request (not sent):");
        assertThat(run.output()).contains("\"TrainingJobName\"");
        assertThat(run.output()).contains("\"learning_rate\" : \"0.10\"");
        assertThat(run.output()).doesNotContain("Submitting training job");
        assertThat(run.output()).doesNotContain("AWS console:");
    }

    @Test
    void dryRunReportsEmptyInputPrefix() {
        Run run = execute("--local", "--dry-run", EXAMPLE.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_FAILED);
        assertThat(run.output()).contains("s3://example-bucket/integ-test-data/marketplace/train");
    }

    @Test
    void dryRunReportsMissingWorkspacePath() throws IOException {
        Path description = temp.resolve("workspace.yaml");
        Files.writeString(description, """
                baseJobName: workspace-data
                trainingImage: 123456789012.dkr.ecr.us-east-2.amazonaws.com/xgboost:1.7
                roleArn: arn:aws:iam::123456789012:role/SageMakerRole
                instanceType: ml.m5.xlarge
                channels:
                  - name: train
                    localPath: nowhere
                outputPath: s3://example-bucket/nightly
                """);

        Run run = execute("--local", "--dry-run", "--workspace", temp.toString(), description.toString());

        assertThat(run.exitCode()).as(run.output()).isEqualTo(SageMakerTrainCommand.EXIT_FAILED);
        assertThat(run.output()).contains("channels[0].localPath: Path 'nowhere' not found in the workspace");
    }

    @Test
    void invalidDescriptionNamesField() throws IOException {
        Path description = temp.resolve("bad.yaml");
        Files.writeString(description, """
                baseJobName: nightly
                trainingImage: 123456789012.dkr.ecr.us-east-2.amazonaws.com/xgboost:1.7
                roleArn: not-an-arn
                instanceType: ml.m5.xlarge
                instanceCount: 0
                channels:
                  - name: train
                    s3Uri: s3://example-bucket/train/
                outputPath: s3://example-bucket/output/
                """);

        Run run = execute("--local", description.toString());

        assertThat(run.exitCode()).isEqualTo(SageMakerTrainCommand.EXIT_INVALID);
        assertThat(run.output()).contains("roleArn").contains("not-an-arn");
        assertThat(run.output()).contains("instanceCount").contains("0");
        assertThat(run.output()).doesNotContain("Local emulator:");
    }

    @Test
    void missingDescriptionFileIsNamed() {
        Run run = execute("--local", temp.resolve("missing.yaml").toString());

        assertThat(run.exitCode()).isEqualTo(SageMakerTrainCommand.EXIT_INVALID);
        assertThat(run.output()).contains("missing.yaml not found");
        assertThat(run.output()).doesNotContain("Local emulator:");
    }

    @Test
    void missingSeedFileFailsBeforeEmulatorStarts() {
        Run run = execute("--local", "--seed", "nofile.csv=s3://example-bucket/x/y.csv", EXAMPLE.toString());

        assertThat(run.exitCode()).isEqualTo(SageMakerTrainCommand.EXIT_INVALID);
        assertThat(run.output()).contains("--seed nofile.csv=s3://example-bucket/x/y.csv is invalid");
        assertThat(run.output()).doesNotContain("Local emulator:");
    }

    @Test
    void unknownArgumentIsRejected() throws IOException {
        Path description = temp.resolve("typo.json");
        Files.writeString(description, "{\"baseJobName\": \"nightly\", \"instanceTyp\": \"ml.m5.xlarge\"}");

        Run run = execute("--local", description.toString());

        assertThat(run.exitCode()).isEqualTo(SageMakerTrainCommand.EXIT_INVALID);
        assertThat(run.output()).contains("instanceTyp");
    }

    @Test
    void jenkinsOnlyArgumentIsNamed() throws IOException {
        Path description = temp.resolve("jenkins.yaml");
        Files.writeString(description, Files.readString(EXAMPLE) + "resultWhenStopped: UNSTABLE\n");

        Run run = execute("--local", description.toString());

        assertThat(run.exitCode()).isEqualTo(SageMakerTrainCommand.EXIT_INVALID);
        assertThat(run.output()).contains("Argument \"resultWhenStopped\" applies only to the Jenkins step: remove it "
                + "from the job description.");
        assertThat(run.output()).doesNotContain("Unknown argument");
        assertThat(run.output()).doesNotContain("Local emulator:");
    }

    @Test
    void seedWithoutTargetShowsForm() {
        Run run = execute("--local", "--seed", "../examples/data/train.csv", EXAMPLE.toString());

        assertThat(run.exitCode()).isEqualTo(SageMakerTrainCommand.EXIT_INVALID);
        assertThat(run.output()).contains("--seed ../examples/data/train.csv is invalid: use the form "
                + "--seed FILE=s3://bucket/key");
        assertThat(run.output()).doesNotContain("must be an existing file");
    }

    @Test
    void infiniteSpeedNamesOption() {
        Run run = execute("--local", "--local-speed", "Infinity", EXAMPLE.toString());

        assertThat(run.exitCode()).isEqualTo(SageMakerTrainCommand.EXIT_INVALID);
        assertThat(run.output()).contains("ERROR: --local-speed Infinity is invalid: use a finite factor above 0");
    }

    @Test
    void folderAsDescriptionIsNamed() {
        Run run = execute("--local", temp.toString());

        assertThat(run.exitCode()).isEqualTo(SageMakerTrainCommand.EXIT_INVALID);
        assertThat(run.output()).contains("ERROR: job description " + temp + " is a folder, not a file");
        assertThat(run.output()).doesNotContain("IOException");
    }

    /**
     * Sends SIGINT, what Ctrl-C in a terminal sends, with {@code kill -INT}. {@link Process#destroy()}
     * would also close the output pipe, so the last lines could not be read.
     */
    @Test
    void terminationStopsRunningJob() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java,
                "-Daws.disableEc2Metadata=true",
                "-cp", System.getProperty("java.class.path"),
                SageMakerTrainCommand.class.getName(),
                "--local", "--local-speed", "2", "--build-id", "3", "--seed", SEED, EXAMPLE.toString());
        builder.redirectErrorStream(true);
        Process process = builder.start();

        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch running = new CountDownLatch(1);
        Thread reader = new Thread(() -> readLines(process, lines, running));
        reader.start();
        try {
            assertThat(running.await(120, TimeUnit.SECONDS)).as(String.join("\n", lines)).isTrue();
            Process kill = new ProcessBuilder("kill", "-INT", Long.toString(process.pid())).inheritIO().start();
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join("\n", lines)).isTrue();
            reader.join(10_000);
        } finally {
            process.destroyForcibly();
        }

        String output = String.join("\n", lines);
        assertThat(output).contains("Interrupted: cancelling the run; a training job already created is stopped before exiting.");
        assertThat(output).contains("Sent StopTrainingJob for training job test-marketplace-");
        assertThat(output).contains("Result: STOPPED_ON_REQUEST");
        assertThat(lines.stream().filter(line -> line.startsWith("Sent StopTrainingJob"))).hasSize(1);
        assertThat(output).contains("Waiting at most 16 minutes for training job test-marketplace-");
        assertThat(output).contains("kill -9 " + process.pid() + " exits at once");
    }

    private static void readLines(Process process, List<String> lines, CountDownLatch running) {
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines.add(line);
                if (line.contains("status: InProgress.")) {
                    running.countDown();
                }
            }
        } catch (IOException e) {
            lines.add("(reading the output failed: " + e + ")");
        }
    }

    static Run execute(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int exitCode = new CommandLine(new SageMakerTrainCommand(out))
                .setOut(new PrintWriter(out, true))
                .setErr(new PrintWriter(out, true))
                .execute(args);
        return new Run(exitCode, bytes.toString(StandardCharsets.UTF_8));
    }

    record Run(int exitCode, String output) {
    }
}
