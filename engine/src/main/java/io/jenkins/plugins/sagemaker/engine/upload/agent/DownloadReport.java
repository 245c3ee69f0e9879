package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;
import java.util.List;

/**
 * Files written by a download.
 *
 * @param files the written files relative to the workspace, with forward slashes
 * @param bytes the bytes written
 */
public record DownloadReport(List<String> files, long bytes) implements Serializable {

    public DownloadReport {
        files = List.copyOf(files);
    }
}
