package io.jenkins.plugins.sagemaker.engine.run;

import java.time.Duration;

/** Waits between polls and retries. Tests inject one that advances a manual clock instead. */
@FunctionalInterface
public interface Sleeper {

    /**
     * Waits for {@code duration}, returning early when {@code cancellation} is cancelled.
     *
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration, Cancellation cancellation) throws InterruptedException;

    /** Returns the real sleeper, which blocks the calling thread for the wall-clock duration. */
    static Sleeper system() {
        return (duration, cancellation) -> {
            if (!duration.isNegative() && !duration.isZero()) {
                cancellation.await(duration);
            }
        };
    }
}
