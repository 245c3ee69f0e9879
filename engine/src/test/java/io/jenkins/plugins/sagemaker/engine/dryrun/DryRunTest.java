package io.jenkins.plugins.sagemaker.engine.dryrun;

import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator.BUCKET;
import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator.MARKETPLACE_ARN;
import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator.fullAlgorithmJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator;
import io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator.RecordingSink;
import io.jenkins.plugins.sagemaker.engine.algorithm.NetworkIsolation;
import io.jenkins.plugins.sagemaker.engine.request.CreateTrainingJobRequests;
import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.InvalidSpecException;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.LocalWorkspaceAgent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** Dry runs against the emulator's SageMaker and S3 over HTTP. */
class DryRunTest {

    private static final String JOB_NAME = "dry-run-job";
    private static final String RUN_ID = "0f8fad5b-d9cb-469f-a165-70867728950e";

    private AlgorithmEmulator aws;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void startEmulator() {
        aws = new AlgorithmEmulator();
    }

    @AfterEach
    void stopEmulator() {
        aws.close();
    }

    @Test
    void passingDryRunPrintsRequestWithoutCreating() {
        TrainingJobSpec spec = fullAlgorithmJob().build();

        DryRunReport report = DryRun.run(spec, JOB_NAME, RUN_ID, aws.clients, sink);

        assertThat(report.passed()).isTrue();
        assertThat(report.warnings()).isEmpty();
        String expectedJson = CreateTrainingJobRequests.toJson(CreateTrainingJobRequests.build(spec, JOB_NAME, RUN_ID));
        assertThat(report.requestJson()).isEqualTo(expectedJson);
        assertThat(sink.lines()).containsExactly(
                "Dry run: checking training job dry-run-job without creating it.",
                "Hyperparameter epochs = 10 (algorithm default)",
                "Hyperparameter optimizer = sgd (algorithm default)",
                "CreateTrainingJob request (not sent):",
                expectedJson,
                "Dry run passed: CreateTrainingJob was not sent.");
        assertThat(aws.emulator.callCount("DescribeAlgorithm")).isEqualTo(1);
        assertThat(aws.emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void emptyPrefixAndMissingBucketAreBothReported() {
        TrainingJobSpec spec = fullAlgorithmJob()
                .channels(List.of(ChannelSpec.builder().name("training").s3Uri("s3://" + BUCKET + "/empty/")
                        .contentType("text/csv").build()))
                .outputPath("s3://missing-bucket/output/")
                .build();

        DryRunReport report = DryRun.run(spec, JOB_NAME, RUN_ID, aws.clients, sink);

        assertThat(report.problems()).extracting(ValidationProblem::message).containsExactly(
                "channels[0].s3Uri \"s3://example-bucket/empty/\" contains no objects: upload the channel's data "
                        + "there or correct the URI (at least one object).",
                "outputPath \"s3://missing-bucket/output/\" is invalid: bucket missing-bucket was not found. Create "
                        + "the bucket or correct the URI (an existing bucket).");
        assertThat(report.requestJson()).contains("\"S3OutputPath\" : \"s3://missing-bucket/output/\"");
        assertThat(sink.lines()).contains(
                "WARN Dry run found 2 problems; CreateTrainingJob was not sent:",
                "WARN - channels[0].s3Uri \"s3://example-bucket/empty/\" contains no objects: upload the channel's "
                        + "data there or correct the URI (at least one object).");
        assertThat(aws.emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void inputInMissingBucketIsReported() {
        TrainingJobSpec spec = fullAlgorithmJob()
                .channels(List.of(ChannelSpec.builder().name("training").s3Uri("s3://other-bucket/train/")
                        .contentType("text/csv").build()))
                .build();

        DryRunReport report = DryRun.run(spec, JOB_NAME, RUN_ID, aws.clients, sink);

        assertThat(report.problems()).extracting(ValidationProblem::message).containsExactly(
                "channels[0].s3Uri \"s3://other-bucket/train/\" is invalid: bucket other-bucket was not found. "
                        + "Create the bucket or correct the URI (an existing bucket).");
    }

    @Test
    void workspaceChannelMayBeEmpty() {
        TrainingJobSpec spec = fullAlgorithmJob()
                .channels(List.of(ChannelSpec.builder().name("training").s3Uri("s3://" + BUCKET + "/upload/")
                        .contentType("text/csv").build()))
                .build();
        DryRunOptions options = new DryRunOptions(NetworkIsolation.UNSET, Set.of("training"));

        DryRunReport report = DryRun.run(spec, JOB_NAME, RUN_ID, aws.clients, sink, options);

        assertThat(report.problems()).isEmpty();
    }

    @Test
    void missingOrEmptyWorkspacePathIsReported(@TempDir Path workspace) throws Exception {
        Files.createDirectories(workspace.resolve("empty"));
        LocalWorkspaceAgent agent = new LocalWorkspaceAgent(workspace, line -> { }, new CancellationToken());

        DryRunReport missing = DryRun.run(workspaceJob("nowhere", null), JOB_NAME, RUN_ID, aws.clients, sink,
                DryRunOptions.defaults(), agent);
        DryRunReport empty = DryRun.run(workspaceJob("empty", null), JOB_NAME, RUN_ID, aws.clients, sink,
                DryRunOptions.defaults(), agent);

        assertThat(missing.problems()).extracting(ValidationProblem::message).singleElement().asString()
                .startsWith("channels[0].localPath: Path 'nowhere' not found in the workspace ");
        assertThat(empty.problems()).extracting(ValidationProblem::message).singleElement().asString()
                .startsWith("channels[0].localPath: Folder 'empty' ").contains("contains no files");
        assertThat(aws.emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void workspacePathWithFilesPasses(@TempDir Path workspace) throws Exception {
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/train.csv"), "1,2\n");
        LocalWorkspaceAgent agent = new LocalWorkspaceAgent(workspace, line -> { }, new CancellationToken());

        DryRunReport report = DryRun.run(workspaceJob("data", null), JOB_NAME, RUN_ID, aws.clients, sink,
                DryRunOptions.defaults(), agent);

        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void workspaceChannelBucketIsChecked(@TempDir Path workspace) throws Exception {
        Files.writeString(workspace.resolve("train.csv"), "1,2\n");
        LocalWorkspaceAgent agent = new LocalWorkspaceAgent(workspace, line -> { }, new CancellationToken());

        DryRunReport report = DryRun.run(workspaceJob("train.csv", "s3://missing-bucket/train/"), JOB_NAME, RUN_ID,
                aws.clients, sink, DryRunOptions.defaults(), agent);

        assertThat(report.problems()).extracting(ValidationProblem::message).containsExactly(
                "channels[0].s3Uri \"s3://missing-bucket/train/\" is invalid: bucket missing-bucket was not found. "
                        + "Create the bucket or correct the URI (an existing bucket).");
    }

    @Test
    void workspacePathWithoutWorkspaceIsWarned() {
        DryRunReport report = DryRun.run(workspaceJob("data", null), JOB_NAME, RUN_ID, aws.clients, sink);

        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).containsExactly("channels[0].localPath \"data\" was not checked, because no "
                + "workspace is available to this check.");
    }

    private static TrainingJobSpec workspaceJob(String localPath, String s3Uri) {
        return fullAlgorithmJob()
                .channels(List.of(ChannelSpec.builder().name("training").localPath(localPath).s3Uri(s3Uri)
                        .contentType("text/csv").build()))
                .build();
    }

    @Test
    void existingFixedJobNameIsReported() {
        TrainingJobSpec spec = fullAlgorithmJob().baseJobName(null).jobName("fixed-name").build();
        try (SageMakerClient sageMaker = aws.clients.sageMaker()) {
            sageMaker.createTrainingJob(CreateTrainingJobRequests.build(spec, "fixed-name", RUN_ID));
        }

        DryRunReport takenName = DryRun.run(spec, "fixed-name", RUN_ID, aws.clients, sink);
        DryRunReport freeName = DryRun.run(spec.toBuilder().jobName("other-name").build(), "other-name", RUN_ID,
                aws.clients, sink);

        assertThat(takenName.problems()).extracting(ValidationProblem::message).containsExactly("jobName \"fixed-name\" "
                + "is invalid: a training job with this name exists already. Choose another name, or set baseJobName "
                + "to derive a new name for each run.");
        assertThat(freeName.problems()).isEmpty();
        assertThat(aws.emulator.callCount("CreateTrainingJob")).isEqualTo(1);
    }

    @Test
    void failedJobNameCheckIsPrintedWarning() {
        TrainingJobSpec spec = fullAlgorithmJob().baseJobName(null).jobName("fixed-name").build();
        aws.emulator.faults().serverError("DescribeTrainingJob", 20);

        DryRunReport report = DryRun.run(spec, "fixed-name", RUN_ID, aws.clients, sink);

        assertThat(report.problems()).isEmpty();
        assertThat(report.warnings()).singleElement().asString()
                .startsWith("DescribeTrainingJob failed for fixed-name (");
        assertThat(sink.lines()).anyMatch(line -> line.startsWith("WARN DescribeTrainingJob failed for fixed-name ("));
    }

    @Test
    void algorithmMismatchIsReportedWithRequest() {
        TrainingJobSpec spec = fullAlgorithmJob().instanceType("ml.c5.xlarge").build();

        DryRunReport report = DryRun.run(spec, JOB_NAME, RUN_ID, aws.clients, sink);

        assertThat(report.problems()).extracting(ValidationProblem::field).containsExactly("instanceType");
        assertThat(report.requestJson()).contains("\"InstanceType\" : \"ml.c5.xlarge\"");
        assertThatThrownBy(report::requirePassed)
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining("instanceType \"ml.c5.xlarge\" is not supported by algorithm full-algorithm");
        assertThat(aws.emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void invalidSpecHasNoRequest() {
        TrainingJobSpec spec = fullAlgorithmJob().roleArn(null).build();

        DryRunReport report = DryRun.run(spec, JOB_NAME, RUN_ID, aws.clients, sink);

        assertThat(report.problems()).extracting(ValidationProblem::field).containsExactly("roleArn");
        assertThat(report.requestJson()).isNull();
        assertThat(sink.lines()).doesNotContain("CreateTrainingJob request (not sent):");
    }

    @Test
    void marketplaceRequestHasIsolation() throws Exception {
        TrainingJobSpec spec = TrainingJobSpec.builder()
                .jobName(JOB_NAME)
                .algorithm(MARKETPLACE_ARN)
                .roleArn(AlgorithmEmulator.ROLE_ARN)
                .instanceType("ml.m5.xlarge")
                .channel(ChannelSpec.builder().name("training").s3Uri("s3://" + BUCKET + "/train/")
                        .contentType("text/csv").build())
                .outputPath("s3://" + BUCKET + "/output/")
                .build();

        DryRunReport report = DryRun.run(spec, JOB_NAME, RUN_ID, aws.clients, sink);

        JsonNode request = new ObjectMapper().readTree(report.requestJson());
        assertThat(report.passed()).isTrue();
        assertThat(request.path("EnableNetworkIsolation").asBoolean()).isTrue();
        assertThat(request.path("AlgorithmSpecification").path("AlgorithmName").asText()).isEqualTo(MARKETPLACE_ARN);
    }

    @Test
    void marketplaceIsolationOffFails() {
        TrainingJobSpec spec = fullAlgorithmJob().algorithm(MARKETPLACE_ARN).hyperparameters(List.of()).build();
        DryRunOptions options = new DryRunOptions(NetworkIsolation.DISABLED, Set.of());

        DryRunReport report = DryRun.run(spec, JOB_NAME, RUN_ID, aws.clients, sink, options);

        assertThat(report.problems()).extracting(ValidationProblem::field).containsExactly("enableNetworkIsolation");
    }
}
