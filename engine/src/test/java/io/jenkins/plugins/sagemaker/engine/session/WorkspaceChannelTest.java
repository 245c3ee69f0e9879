package io.jenkins.plugins.sagemaker.engine.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.LocalWorkspaceAgent;
import io.jenkins.plugins.sagemaker.engine.upload.agent.TransferCancelledException;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspacePathException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** A channel that reads a workspace folder: uploaded to S3 before CreateTrainingJob, never after a failure. */
class WorkspaceChannelTest {

    @TempDir
    Path workspace;

    private SageMakerEmulator emulator;
    private AwsClientFactory clients;
    private final List<String> console = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void startEmulator() throws IOException {
        emulator = SageMakerEmulator.start();
        emulator.createBucket("example-bucket");
        clients = AwsClientFactory.create(AwsClientSettings.builder()
                .region(emulator.region())
                .sageMakerEndpoint(emulator.endpoint())
                .s3Endpoint(emulator.s3Endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())))
                .build());
        Files.createDirectories(workspace.resolve("data/train/sub"));
        Files.writeString(workspace.resolve("data/train/part-0001.csv"), "1,0.5\n", StandardCharsets.UTF_8);
        Files.writeString(workspace.resolve("data/train/sub/part-0002.csv"), "0,0.1\n", StandardCharsets.UTF_8);
    }

    @AfterEach
    void stopEmulator() {
        clients.close();
        emulator.close();
    }

    @Test
    void uploadedChannelTrains() throws IOException {
        PreparedJob job = PreparedJob.prepare(spec("s3://example-bucket/nightly/42/train/"), null, Instant.now(), "1");

        RunResult result;
        try (TrainingSession session = session()) {
            PreparedJob uploaded = upload(session, job, new CancellationToken());
            result = session.run(uploaded, status(), LogLineSink.of(console::add, console::add), new Cancellation());

            assertThat(uploaded.spec().getChannels().get(0).getS3Uri()).isEqualTo("s3://example-bucket/nightly/42/train/");
            assertThat(uploaded.spec().getChannels().get(0).isFromWorkspace()).isFalse();
        }

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(emulator.getObject("example-bucket", "nightly/42/train/part-0001.csv")).isPresent();
        assertThat(emulator.getObject("example-bucket", "nightly/42/train/sub/part-0002.csv")).isPresent();
    }

    @Test
    void modelDownloadsIntoWorkspace() throws IOException {
        PreparedJob job = PreparedJob.prepare(spec("s3://example-bucket/nightly/43/train/"), null, Instant.now(), "8");

        try (TrainingSession session = session()) {
            PreparedJob uploaded = upload(session, job, new CancellationToken());
            RunResult result = session.run(uploaded, status(), LogLineSink.of(console::add, console::add),
                    new Cancellation());
            LocalWorkspaceAgent agent = new LocalWorkspaceAgent(workspace, console::add, new CancellationToken());
            session.downloadArtifacts(result, "models/nightly", true, agent, status(), console::add,
                    new CancellationToken());
        }

        Path model = workspace.resolve("models/nightly/model.tar.gz");
        assertThat(model).exists();
        byte[] stored = emulator.getObject("example-bucket", "output/" + job.jobName() + "/output/model.tar.gz")
                .orElseThrow();
        assertThat(Files.readAllBytes(model)).isEqualTo(stored);
        assertThat(console).anyMatch(line -> line.startsWith("WARNING: No output data to download at "));
    }

    @Test
    void defaultDestinationUsesJobName() throws IOException {
        PreparedJob job = PreparedJob.prepare(spec(null), null, Instant.now(), "2");

        try (TrainingSession session = session()) {
            PreparedJob uploaded = upload(session, job, new CancellationToken());

            String expected = "s3://example-bucket/output/" + job.jobName() + "/input/training/";
            assertThat(uploaded.spec().getChannels().get(0).getS3Uri()).isEqualTo(expected);
        }
        assertThat(emulator.getObject("example-bucket", "output/" + job.jobName() + "/input/training/part-0001.csv"))
                .isPresent();
    }

    @Test
    void rerunSkipsUnchangedFiles() throws IOException {
        PreparedJob first = PreparedJob.prepare(spec("s3://example-bucket/fixed/train"), null, Instant.now(), "3");
        PreparedJob second = PreparedJob.prepare(spec("s3://example-bucket/fixed/train"), null, Instant.now(), "4");

        try (TrainingSession session = session()) {
            upload(session, first, new CancellationToken());
            console.clear();
            upload(session, second, new CancellationToken());
        }

        assertThat(console).anyMatch(line -> line.contains("skipped 2 unchanged files"));
    }

    @Test
    void missingPathSubmitsNothing() {
        PreparedJob job = PreparedJob.prepare(spec(null).toBuilder()
                .channels(List.of(ChannelSpec.builder().name("training").localPath("data/missing").build()))
                .build(), null, Instant.now(), "5");

        try (TrainingSession session = session()) {
            assertThatThrownBy(() -> upload(session, job, new CancellationToken()))
                    .isInstanceOf(WorkspacePathException.class)
                    .hasMessageContaining("data/missing");
        }
        assertThat(emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void cancelledUploadSubmitsNothing() {
        CancellationToken token = new CancellationToken();
        token.cancel();
        PreparedJob job = PreparedJob.prepare(spec(null), null, Instant.now(), "6");

        try (TrainingSession session = session()) {
            assertThatThrownBy(() -> upload(session, job, token)).isInstanceOf(TransferCancelledException.class);
        }
        assertThat(emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void requestNeedsUploadFirst() {
        PreparedJob job = PreparedJob.prepare(spec(null), null, Instant.now(), "7");

        assertThatThrownBy(job::request)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("data/train");
    }

    private PreparedJob upload(TrainingSession session, PreparedJob job, CancellationToken token) throws IOException {
        LocalWorkspaceAgent agent = new LocalWorkspaceAgent(workspace, console::add, token);
        return session.uploadWorkspaceChannels(job, agent, status(), console::add, token);
    }

    private static TrainingJobSpec spec(String destination) {
        return TrainingJobSpec.builder()
                .baseJobName("workspace-data")
                .algorithm("my-algorithm")
                .roleArn("arn:aws:iam::123456789012:role/SageMakerTrainingRole")
                .instanceType("ml.m5.xlarge")
                .channel(ChannelSpec.builder().name("training").localPath("data/train").s3Uri(destination)
                        .contentType("text/csv").build())
                .outputPath("s3://example-bucket/output")
                .build();
    }

    private TrainingSession session() {
        RunSettings settings = RunSettings.builder()
                .clock(java.time.Clock.systemUTC())
                .sleeper((duration, cancellation) -> emulator.manualClock().advance(duration))
                .build();
        return TrainingSession.using(clients, settings, LogRelayOptions.defaults().withExpectedStreams(1));
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
}
