package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;
import java.util.List;

/**
 * Presigned requests that the workspace side sends in one call.
 *
 * @param root the upload root relative to the workspace, as in {@link FileListing#root()}
 * @param parts the requests, sent in parallel
 * @param progress the totals of the whole upload, so that progress lines count across batches
 * @param settings the thread count, progress interval and retry limit
 */
public record UploadBatch(String root, List<PartUpload> parts, ProgressTotals progress, TransferSettings settings)
        implements Serializable {

    public UploadBatch {
        parts = List.copyOf(parts);
    }
}
