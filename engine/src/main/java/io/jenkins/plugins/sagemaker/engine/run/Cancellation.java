package io.jenkins.plugins.sagemaker.engine.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Token that requests a running submission or follower to cancel the run. Any thread may call
 * {@link #cancel()}; interrupting the thread that runs {@link JobSubmitter#submit} or
 * {@link JobFollower#followUntilDone} has the same effect. Once cancelled it stays cancelled.
 */
public final class Cancellation {

    private final CountDownLatch cancelled = new CountDownLatch(1);

    public void cancel() {
        cancelled.countDown();
    }

    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /**
     * Waits until the token is cancelled or {@code timeout} has passed.
     *
     * @return {@code true} if cancelled
     * @throws InterruptedException if the waiting thread is interrupted
     */
    public boolean await(Duration timeout) throws InterruptedException {
        return cancelled.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return isCancelled() ? "Cancellation{cancelled}" : "Cancellation{active}";
    }
}
