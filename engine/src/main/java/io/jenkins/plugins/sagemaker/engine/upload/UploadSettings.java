package io.jenkins.plugins.sagemaker.engine.upload;

import io.jenkins.plugins.sagemaker.engine.upload.agent.HashRequest;
import io.jenkins.plugins.sagemaker.engine.upload.agent.TransferSettings;
import java.time.Duration;
import java.util.List;

/**
 * Tuning of workspace uploads and downloads. Start from {@link #defaults()} and change fields with
 * the {@code with} methods.
 *
 * @param threads files or parts sent at the same time, on the agent; HeadObject calls on the controller
 * @param partSize the multipart part size in bytes, at least 5 MiB; it grows for files above 10,000 parts
 * @param multipartThreshold files of at least this many bytes go up in parts, at most 5 GiB
 * @param progressInterval the minimum time between two progress lines
 * @param presignDuration how long a presigned URL stays valid; a batch must finish within it
 * @param maxAttempts how many times one HTTP request is sent before the transfer fails
 * @param maxBatchRequests the presigned requests sent to the agent in one call, so that the call
 *     stays small. A file with more parts is split across batches.
 * @param maxBatchBytes the bytes sent to the agent in one call, so that a batch ends long before its
 *     URLs expire: 2 GiB take about 3.6 minutes at 10 MB/s. A file with more bytes is split across
 *     batches, and a single request larger than this gets a batch alone.
 * @param alwaysHash whether files whose size and modification time match the stored object are
 *     hashed again before they are skipped; false trusts size and time, as {@code aws s3 sync} does
 */
public record UploadSettings(int threads, long partSize, long multipartThreshold, Duration progressInterval,
        Duration presignDuration, int maxAttempts, int maxBatchRequests, long maxBatchBytes, boolean alwaysHash) {

    private static final long MIB = 1024L * 1024;

    public UploadSettings {
        // The agent-side records check threads, interval, attempts, part size and threshold.
        TransferSettings transfer = new TransferSettings(threads, progressInterval.toMillis(), maxAttempts);
        new HashRequest("", List.of(), multipartThreshold, partSize, transfer);
        if (presignDuration.isNegative() || presignDuration.isZero() || presignDuration.toDays() > 7) {
            throw new IllegalArgumentException("presignDuration is " + presignDuration
                    + "; set it above zero and at most 7 days (the SigV4 limit)");
        }
        if (maxBatchRequests < 1) {
            throw new IllegalArgumentException("maxBatchRequests is " + maxBatchRequests + "; set it to 1 or more");
        }
        if (maxBatchBytes < 1) {
            throw new IllegalArgumentException("maxBatchBytes is " + maxBatchBytes + "; set it to 1 or more");
        }
    }

    /**
     * Returns the defaults: 8 threads, 16 MiB parts from 16 MiB on, a progress line every 5 s, URLs
     * valid for 1 hour, 3 attempts per request, 2,000 requests or 2 GiB per batch, size and time
     * trusted.
     */
    public static UploadSettings defaults() {
        return new UploadSettings(8, 16 * MIB, 16 * MIB, Duration.ofSeconds(5), Duration.ofHours(1), 3, 2_000,
                2048 * MIB, false);
    }

    public UploadSettings withThreads(int value) {
        return new UploadSettings(value, partSize, multipartThreshold, progressInterval, presignDuration, maxAttempts,
                maxBatchRequests, maxBatchBytes, alwaysHash);
    }

    public UploadSettings withPartSize(long value) {
        return new UploadSettings(threads, value, multipartThreshold, progressInterval, presignDuration, maxAttempts,
                maxBatchRequests, maxBatchBytes, alwaysHash);
    }

    public UploadSettings withMultipartThreshold(long value) {
        return new UploadSettings(threads, partSize, value, progressInterval, presignDuration, maxAttempts,
                maxBatchRequests, maxBatchBytes, alwaysHash);
    }

    public UploadSettings withProgressInterval(Duration value) {
        return new UploadSettings(threads, partSize, multipartThreshold, value, presignDuration, maxAttempts,
                maxBatchRequests, maxBatchBytes, alwaysHash);
    }

    public UploadSettings withPresignDuration(Duration value) {
        return new UploadSettings(threads, partSize, multipartThreshold, progressInterval, value, maxAttempts,
                maxBatchRequests, maxBatchBytes, alwaysHash);
    }

    public UploadSettings withMaxAttempts(int value) {
        return new UploadSettings(threads, partSize, multipartThreshold, progressInterval, presignDuration, value,
                maxBatchRequests, maxBatchBytes, alwaysHash);
    }

    public UploadSettings withMaxBatchRequests(int value) {
        return new UploadSettings(threads, partSize, multipartThreshold, progressInterval, presignDuration, maxAttempts,
                value, maxBatchBytes, alwaysHash);
    }

    public UploadSettings withMaxBatchBytes(long value) {
        return new UploadSettings(threads, partSize, multipartThreshold, progressInterval, presignDuration, maxAttempts,
                maxBatchRequests, value, alwaysHash);
    }

    public UploadSettings withAlwaysHash(boolean value) {
        return new UploadSettings(threads, partSize, multipartThreshold, progressInterval, presignDuration, maxAttempts,
                maxBatchRequests, maxBatchBytes, value);
    }

    /** Returns the part of these settings that the workspace side needs. */
    public TransferSettings transferSettings() {
        return new TransferSettings(threads, progressInterval.toMillis(), maxAttempts);
    }
}
