package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;
import java.util.List;

/**
 * Files to hash under one upload root.
 *
 * @param root the upload root relative to the workspace, as in {@link FileListing#root()}
 * @param files the files to hash
 * @param multipartThreshold files of at least this many bytes get per-part hashes
 * @param partSize the preferred part size in bytes; it grows for files that would need more than
 *     {@link #MAX_PARTS} parts
 * @param settings the thread count and progress interval
 */
public record HashRequest(String root, List<LocalFile> files, long multipartThreshold, long partSize,
        TransferSettings settings) implements Serializable {

    /** The maximum number of parts in one S3 multipart upload. */
    public static final int MAX_PARTS = 10_000;

    /** The minimum size of every part but the last in an S3 multipart upload: 5 MiB. */
    public static final long MIN_PART_SIZE = 5L * 1024 * 1024;

    /** The maximum size of an object sent in one S3 PutObject request: 5 GiB. */
    public static final long MAX_SINGLE_PUT = 5L * 1024 * 1024 * 1024;

    public HashRequest {
        files = List.copyOf(files);
        if (partSize < MIN_PART_SIZE) {
            throw new IllegalArgumentException("partSize is " + partSize + " bytes; S3 needs at least "
                    + MIN_PART_SIZE + " bytes (5 MiB)");
        }
        if (multipartThreshold < 1 || multipartThreshold > MAX_SINGLE_PUT) {
            throw new IllegalArgumentException("multipartThreshold is " + multipartThreshold
                    + " bytes; set it between 1 and " + MAX_SINGLE_PUT + " (5 GiB, the S3 limit of one PUT)");
        }
    }

    /** Returns the part size for a file of the given size, or 0 when it goes up in one request. */
    public long partSizeFor(long fileSize) {
        if (fileSize < multipartThreshold) {
            return 0;
        }
        long minimum = (fileSize + MAX_PARTS - 1) / MAX_PARTS;
        if (minimum <= partSize) {
            return partSize;
        }

        // Round up to whole MiB so that part sizes stay readable in logs.
        long mebibyte = 1024L * 1024;
        return (minimum + mebibyte - 1) / mebibyte * mebibyte;
    }
}
