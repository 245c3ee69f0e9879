package io.jenkins.plugins.sagemaker.engine.upload.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspacePathsTest {

    @TempDir
    Path temp;

    private Path workspace() throws IOException {
        return Files.createDirectories(temp.resolve("workspace")).toRealPath();
    }

    @Test
    void folderListsFilesWithSlashes() throws IOException {
        Path workspace = workspace();
        Files.createDirectories(workspace.resolve("data/train/sub"));
        Files.writeString(workspace.resolve("data/train/part-0001.csv"), "a,b\n");
        Files.writeString(workspace.resolve("data/train/sub/part-0002.csv"), "c,d,e\n");

        FileListing listing = WorkspacePaths.list(workspace, "data/train");

        assertThat(listing.root()).isEqualTo("data/train");
        assertThat(listing.singleFile()).isFalse();
        assertThat(listing.files()).extracting(LocalFile::path)
                .containsExactly("part-0001.csv", "sub/part-0002.csv");
        assertThat(listing.files()).extracting(LocalFile::size).containsExactly(4L, 6L);
        assertThat(listing.totalBytes()).isEqualTo(10);
    }

    @Test
    void trailingSlashAndDotsAreNormalized() throws IOException {
        Path workspace = workspace();
        Files.createDirectories(workspace.resolve("data/train"));
        Files.writeString(workspace.resolve("data/train/a.csv"), "a");

        FileListing listing = WorkspacePaths.list(workspace, "./data/../data/train/");

        assertThat(listing.root()).isEqualTo("data/train");
        assertThat(listing.files()).extracting(LocalFile::path).containsExactly("a.csv");
    }

    @Test
    void singleFileKeepsItsName() throws IOException {
        Path workspace = workspace();
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/train.csv"), "x");

        FileListing listing = WorkspacePaths.list(workspace, "data/train.csv");

        assertThat(listing.singleFile()).isTrue();
        assertThat(listing.root()).isEqualTo("data");
        assertThat(listing.files()).extracting(LocalFile::path).containsExactly("train.csv");
    }

    @Test
    void emptyFolderRejected() throws IOException {
        Path workspace = workspace();
        Files.createDirectories(workspace.resolve("data/train/only-folders"));

        assertThatThrownBy(() -> WorkspacePaths.list(workspace, "data/train"))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'data/train'")
                .hasMessageContaining(workspace.toString())
                .hasMessageContaining("contains no files");
    }

    @Test
    void missingPathRejected() throws IOException {
        Path workspace = workspace();

        assertThatThrownBy(() -> WorkspacePaths.list(workspace, "data/missing"))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'data/missing'")
                .hasMessageContaining(workspace.toString())
                .hasMessageContaining("not found");
    }

    @Test
    void parentPathRejected() throws IOException {
        Path workspace = workspace();
        Files.writeString(temp.resolve("secret.txt"), "s");

        assertThatThrownBy(() -> WorkspacePaths.list(workspace, "../secret.txt"))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'../secret.txt'")
                .hasMessageContaining("outside the workspace " + workspace);
    }

    @Test
    void linkedFolderOutsideRejected() throws IOException {
        Path workspace = workspace();
        Path outside = Files.createDirectories(temp.resolve("outside"));
        Files.writeString(outside.resolve("a.csv"), "a");
        Files.createSymbolicLink(workspace.resolve("train"), outside);

        assertThatThrownBy(() -> WorkspacePaths.list(workspace, "train"))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'train'")
                .hasMessageContaining("symbolic link that leads outside the workspace " + workspace);
    }

    @Test
    void linkedFileInsideFolderOutsideRejected() throws IOException {
        Path workspace = workspace();
        Files.createDirectories(workspace.resolve("data/train"));
        Files.writeString(workspace.resolve("data/train/a.csv"), "a");
        Path secret = Files.writeString(temp.resolve("secret.txt"), "s");
        Files.createSymbolicLink(workspace.resolve("data/train/b.csv"), secret);

        assertThatThrownBy(() -> WorkspacePaths.list(workspace, "data/train"))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'data/train/b.csv'")
                .hasMessageContaining("outside the workspace " + workspace);
    }

    @Test
    void linkInsideWorkspaceAccepted() throws IOException {
        Path workspace = workspace();
        Files.createDirectories(workspace.resolve("shared"));
        Files.writeString(workspace.resolve("shared/a.csv"), "a");
        Files.createDirectories(workspace.resolve("data"));
        Files.createSymbolicLink(workspace.resolve("data/train"), workspace.resolve("shared"));

        FileListing listing = WorkspacePaths.list(workspace, "data/train");

        assertThat(listing.root()).isEqualTo("data/train");
        assertThat(listing.files()).extracting(LocalFile::path).containsExactly("a.csv");
    }

    @Test
    void danglingLinkRejected() throws IOException {
        Path workspace = workspace();
        Files.createDirectories(workspace.resolve("data"));
        Files.writeString(workspace.resolve("data/a.csv"), "a");
        Files.createSymbolicLink(workspace.resolve("data/gone.csv"), workspace.resolve("missing.csv"));

        assertThatThrownBy(() -> WorkspacePaths.list(workspace, "data"))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'data/gone.csv'")
                .hasMessageContaining("missing file");
    }

    @Test
    void linkLoopRejected() throws IOException {
        Path workspace = workspace();
        Files.createDirectories(workspace.resolve("data/sub"));
        Files.writeString(workspace.resolve("data/a.csv"), "a");
        Files.createSymbolicLink(workspace.resolve("data/sub/loop"), workspace.resolve("data"));

        assertThatThrownBy(() -> WorkspacePaths.list(workspace, "data"))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'data/sub/loop'")
                .hasMessageContaining("loop");
    }
}
