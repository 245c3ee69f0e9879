package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;
import java.util.List;

/**
 * The files that a workspace path names, found on the machine where the workspace is.
 *
 * @param requestedPath the path as the user gave it, relative to the workspace
 * @param root the folder that the file paths are relative to. It is relative to the workspace, with
 *     forward slashes, and empty for the workspace itself. For a single file it is the file's folder.
 * @param singleFile whether the requested path names one file rather than a folder
 * @param files the regular files, sorted by path
 */
public record FileListing(String requestedPath, String root, boolean singleFile, List<LocalFile> files)
        implements Serializable {

    public FileListing {
        files = List.copyOf(files);
    }

    /** Returns the sum of the file sizes in bytes. */
    public long totalBytes() {
        return files.stream().mapToLong(LocalFile::size).sum();
    }
}
