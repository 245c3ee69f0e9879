package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@link WorkspaceAgent} on the local file system. A plugin creates one inside its remote callable,
 * on the agent; the controller's command-line runner and the tests use it directly.
 */
public final class LocalWorkspaceAgent implements WorkspaceAgent {

    private final Path workspace;
    private final ProgressSink sink;
    private final CancellationToken token;

    public LocalWorkspaceAgent(Path workspace, ProgressSink sink, CancellationToken token) {
        this.workspace = workspace;
        this.sink = sink;
        this.token = token;
    }

    @Override
    public FileListing listFiles(String path) throws IOException {
        return WorkspacePaths.list(workspace, path);
    }

    @Override
    public List<FileDigest> hashFiles(HashRequest request) throws IOException {
        return new FileHashing(workspace, sink, token).hash(request);
    }

    @Override
    public List<PartResult> upload(UploadBatch batch) throws IOException {
        return new HttpTransfers(batch.settings(), sink, token).upload(workspace, batch);
    }

    @Override
    public DownloadReport download(DownloadBatch batch) throws IOException {
        return new HttpTransfers(batch.settings(), sink, token).download(workspace, batch);
    }
}
