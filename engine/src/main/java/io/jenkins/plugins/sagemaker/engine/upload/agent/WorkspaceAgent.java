package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.IOException;
import java.util.List;

/**
 * The work that runs on the machine where the workspace is. It needs no AWS credentials and no
 * AWS SDK: the controller sends presigned URLs. Every argument and result is {@link java.io.Serializable},
 * so a Jenkins plugin can run each method in a {@code MasterToSlaveFileCallable} around a
 * {@link LocalWorkspaceAgent}.
 *
 * <p>Implementations throw {@link TransferCancelledException} or {@link InterruptedException} when
 * they are stopped.
 */
public interface WorkspaceAgent {

    /** Lists the regular files that a workspace path names and checks that they may be uploaded. */
    FileListing listFiles(String path) throws IOException, InterruptedException;

    /** Hashes files for integrity headers and the unchanged-data check. */
    List<FileDigest> hashFiles(HashRequest request) throws IOException, InterruptedException;

    /** Sends presigned PUT requests and returns one result for each, in the order of the batch. */
    List<PartResult> upload(UploadBatch batch) throws IOException, InterruptedException;

    /** Sends presigned GET requests and writes the objects into the workspace. */
    DownloadReport download(DownloadBatch batch) throws IOException, InterruptedException;
}
