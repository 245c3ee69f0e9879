package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;
import java.util.List;

/**
 * Objects to download into the workspace.
 *
 * @param target the destination relative to the workspace: a folder for several objects; for one
 *     object with {@code singleFile} set, the file itself unless it is an existing folder
 * @param singleFile whether the batch contains exactly one object that names the target file
 * @param items the objects, downloaded in parallel
 * @param settings the thread count, progress interval and retry limit
 */
public record DownloadBatch(String target, boolean singleFile, List<DownloadItem> items, TransferSettings settings)
        implements Serializable {

    public DownloadBatch {
        items = List.copyOf(items);
    }
}
