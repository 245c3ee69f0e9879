package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Flag that a caller sets to stop a running transfer. Transfers also stop when their thread is
 * interrupted, so a token is only needed where no thread can be interrupted.
 */
public final class CancellationToken {

    private final AtomicBoolean cancelled = new AtomicBoolean();

    /** Returns a token that is never cancelled. */
    public static CancellationToken none() {
        return new CancellationToken();
    }

    public void cancel() {
        cancelled.set(true);
    }

    public boolean isCancelled() {
        return cancelled.get();
    }

    /**
     * Throws when the token is cancelled or the current thread is interrupted. The interrupt flag
     * stays set, so callers further up still see it.
     */
    public void throwIfCancelled() throws TransferCancelledException {
        if (cancelled.get()) {
            throw new TransferCancelledException("Transfer cancelled");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new TransferCancelledException("Transfer interrupted");
        }
    }
}
