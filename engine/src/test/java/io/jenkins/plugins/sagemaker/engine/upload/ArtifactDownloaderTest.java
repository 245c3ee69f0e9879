package io.jenkins.plugins.sagemaker.engine.upload;

import static io.jenkins.plugins.sagemaker.engine.upload.EmulatorS3.randomBytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.DownloadReport;
import io.jenkins.plugins.sagemaker.engine.upload.agent.LocalWorkspaceAgent;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspacePathException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArtifactDownloaderTest {

    private static final UploadSettings SETTINGS = UploadSettings.defaults().withProgressInterval(Duration.ZERO);

    private static EmulatorS3 s3;

    @TempDir
    Path workspace;

    private final List<String> console = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEmulator() {
        s3 = EmulatorS3.start();
    }

    @AfterAll
    static void stopEmulator() {
        s3.close();
    }

    @Test
    void modelArtifactToChosenFile() throws IOException {
        String bucket = s3.newBucket();
        byte[] model = randomBytes(3 * 1024 * 1024 + 5, 11);
        s3.emulator.putObject(bucket, "models/nightly-42/output/model.tar.gz", model);

        DownloadReport report = download("s3://" + bucket + "/models/nightly-42/output/model.tar.gz",
                "artifacts/model.tar.gz");

        assertThat(Files.readAllBytes(workspace.resolve("artifacts/model.tar.gz"))).isEqualTo(model);
        assertThat(report.files()).containsExactly("artifacts/model.tar.gz");
        assertThat(report.bytes()).isEqualTo(model.length);
        assertThat(console).last().asString().startsWith("Downloaded 1 files (3.0 MiB)");
    }

    @Test
    void objectIntoExistingFolderKeepsName() throws IOException {
        String bucket = s3.newBucket();
        s3.emulator.putObject(bucket, "job/output/model.tar.gz", "m".getBytes(StandardCharsets.UTF_8));
        Files.createDirectories(workspace.resolve("out"));

        download("s3://" + bucket + "/job/output/model.tar.gz", "out");

        assertThat(workspace.resolve("out/model.tar.gz")).hasContent("m");
    }

    @Test
    void prefixDownloadKeepsLayout() throws IOException {
        String bucket = s3.newBucket();
        s3.emulator.putObject(bucket, "job/output/data/a.csv", "a".getBytes(StandardCharsets.UTF_8));
        s3.emulator.putObject(bucket, "job/output/data/sub/b.csv", "b".getBytes(StandardCharsets.UTF_8));
        s3.emulator.putObject(bucket, "job/output/data-other/c.csv", "c".getBytes(StandardCharsets.UTF_8));

        DownloadReport report = download("s3://" + bucket + "/job/output/data/", "results");

        assertThat(report.files()).containsExactlyInAnyOrder("results/a.csv", "results/sub/b.csv");
        assertThat(workspace.resolve("results/sub/b.csv")).hasContent("b");
        assertThat(workspace.resolve("results/c.csv")).doesNotExist();
    }

    @Test
    void existingFileReplaced() throws IOException {
        String bucket = s3.newBucket();
        s3.emulator.putObject(bucket, "job/model.tar.gz", "new".getBytes(StandardCharsets.UTF_8));
        Files.writeString(workspace.resolve("model.tar.gz"), "old content");

        download("s3://" + bucket + "/job/model.tar.gz", "model.tar.gz");

        assertThat(workspace.resolve("model.tar.gz")).hasContent("new");
        try (var files = Files.list(workspace)) {
            assertThat(files).extracting(path -> path.getFileName().toString()).containsExactly("model.tar.gz");
        }
    }

    @Test
    void missingObjectRejected() {
        String bucket = s3.newBucket();

        assertThatThrownBy(() -> download("s3://" + bucket + "/job/output/model.tar.gz", "model.tar.gz"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("No objects found at s3://" + bucket + "/job/output/model.tar.gz");
    }

    @Test
    void targetOutsideWorkspaceRejected() {
        String bucket = s3.newBucket();
        s3.emulator.putObject(bucket, "job/model.tar.gz", "m".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> download("s3://" + bucket + "/job/model.tar.gz", "../model.tar.gz"))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'../model.tar.gz'")
                .hasMessageContaining("outside the workspace");
    }

    @Test
    void linkedTargetOutsideRejected(@TempDir Path outside) throws IOException {
        String bucket = s3.newBucket();
        s3.emulator.putObject(bucket, "job/model.tar.gz", "m".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(workspace.resolve("out"), outside);

        assertThatThrownBy(() -> download("s3://" + bucket + "/job/model.tar.gz", "out/sub/model.tar.gz"))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'out'")
                .hasMessageContaining("outside the workspace");
        assertThat(outside.resolve("sub")).doesNotExist();
    }

    private DownloadReport download(String uri, String target) throws IOException {
        return new ArtifactDownloader(s3.s3, s3.presigner, SETTINGS).download(uri, target,
                new LocalWorkspaceAgent(workspace, console::add, CancellationToken.none()), console::add,
                CancellationToken.none());
    }
}
