package io.jenkins.plugins.sagemaker.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.FilePath;
import hudson.model.TaskListener;
import hudson.remoting.VirtualChannel;
import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.DownloadBatch;
import io.jenkins.plugins.sagemaker.engine.upload.agent.DownloadReport;
import io.jenkins.plugins.sagemaker.engine.upload.agent.FileDigest;
import io.jenkins.plugins.sagemaker.engine.upload.agent.FileListing;
import io.jenkins.plugins.sagemaker.engine.upload.agent.HashRequest;
import io.jenkins.plugins.sagemaker.engine.upload.agent.LocalWorkspaceAgent;
import io.jenkins.plugins.sagemaker.engine.upload.agent.PartResult;
import io.jenkins.plugins.sagemaker.engine.upload.agent.UploadBatch;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspaceAgent;
import java.io.File;
import java.io.IOException;
import java.util.List;
import jenkins.MasterToSlaveFileCallable;

/**
 * Runs the engine's workspace half where the workspace is: each call is one
 * {@link MasterToSlaveFileCallable} that builds a {@link LocalWorkspaceAgent} on the agent. Only file
 * lists, hashes, presigned URLs and results cross the channel; AWS credentials stay on the controller.
 * Aborting the build interrupts the remote call, which the local agent treats as a cancel.
 */
public final class RemoteWorkspaceAgent implements WorkspaceAgent {

    private final FilePath workspace;
    private final TaskListener listener;

    public RemoteWorkspaceAgent(FilePath workspace, TaskListener listener) {
        this.workspace = workspace;
        this.listener = listener;
    }

    /** Returns an agent for {@code workspace}, or null for a step that runs without a workspace. */
    @CheckForNull
    public static WorkspaceAgent ofNullable(@CheckForNull FilePath workspace, TaskListener listener) {
        return workspace == null ? null : new RemoteWorkspaceAgent(workspace, listener);
    }

    @Override
    public FileListing listFiles(String path) throws IOException, InterruptedException {
        return workspace.act(new ListFiles(listener, path));
    }

    @Override
    public List<FileDigest> hashFiles(HashRequest request) throws IOException, InterruptedException {
        return workspace.act(new HashFiles(listener, request));
    }

    @Override
    public List<PartResult> upload(UploadBatch batch) throws IOException, InterruptedException {
        return workspace.act(new Upload(listener, batch));
    }

    @Override
    public DownloadReport download(DownloadBatch batch) throws IOException, InterruptedException {
        return workspace.act(new Download(listener, batch));
    }

    /**
     * Base of the four remote calls. They are named classes rather than lambdas, because remoting
     * serializes them with their argument.
     */
    private abstract static class AgentCall<T> extends MasterToSlaveFileCallable<T> {

        private static final long serialVersionUID = 1L;

        private final TaskListener listener;

        AgentCall(TaskListener listener) {
            this.listener = listener;
        }

        @Override
        public T invoke(File workspace, VirtualChannel channel) throws IOException, InterruptedException {
            LocalWorkspaceAgent agent = new LocalWorkspaceAgent(workspace.toPath(),
                    line -> listener.getLogger().println("[SageMaker] " + line), new CancellationToken());
            return call(agent);
        }

        abstract T call(LocalWorkspaceAgent agent) throws IOException, InterruptedException;
    }

    private static final class ListFiles extends AgentCall<FileListing> {

        private static final long serialVersionUID = 1L;

        private final String path;

        ListFiles(TaskListener listener, String path) {
            super(listener);
            this.path = path;
        }

        @Override
        FileListing call(LocalWorkspaceAgent agent) throws IOException {
            return agent.listFiles(path);
        }
    }

    private static final class HashFiles extends AgentCall<List<FileDigest>> {

        private static final long serialVersionUID = 1L;

        private final HashRequest request;

        HashFiles(TaskListener listener, HashRequest request) {
            super(listener);
            this.request = request;
        }

        @Override
        List<FileDigest> call(LocalWorkspaceAgent agent) throws IOException {
            return agent.hashFiles(request);
        }
    }

    private static final class Upload extends AgentCall<List<PartResult>> {

        private static final long serialVersionUID = 1L;

        private final UploadBatch batch;

        Upload(TaskListener listener, UploadBatch batch) {
            super(listener);
            this.batch = batch;
        }

        @Override
        List<PartResult> call(LocalWorkspaceAgent agent) throws IOException {
            return agent.upload(batch);
        }
    }

    private static final class Download extends AgentCall<DownloadReport> {

        private static final long serialVersionUID = 1L;

        private final DownloadBatch batch;

        Download(TaskListener listener, DownloadBatch batch) {
            super(listener);
            this.batch = batch;
        }

        @Override
        DownloadReport call(LocalWorkspaceAgent agent) throws IOException {
            return agent.download(batch);
        }
    }
}
