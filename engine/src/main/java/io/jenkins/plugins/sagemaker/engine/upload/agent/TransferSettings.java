package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;

/**
 * Settings of the work that runs where the workspace is.
 *
 * @param threads the number of files or parts read, hashed or sent at the same time, at least 1
 * @param progressIntervalMillis the minimum time between two progress lines, in milliseconds; 0
 *     prints a line after every chunk, which only tests want
 * @param maxAttempts how many times one HTTP request is sent before the transfer fails, at least 1;
 *     only connection errors and HTTP 5xx responses are retried
 */
public record TransferSettings(int threads, long progressIntervalMillis, int maxAttempts) implements Serializable {

    public TransferSettings {
        if (threads < 1) {
            throw new IllegalArgumentException("threads is " + threads + "; set it to 1 or more");
        }
        if (progressIntervalMillis < 0) {
            throw new IllegalArgumentException("progressIntervalMillis is " + progressIntervalMillis
                    + "; set it to 0 or more");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts is " + maxAttempts + "; set it to 1 or more");
        }
    }
}
