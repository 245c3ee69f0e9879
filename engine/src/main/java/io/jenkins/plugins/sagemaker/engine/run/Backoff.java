package io.jenkins.plugins.sagemaker.engine.run;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/** Delay arithmetic for polling and retries. */
final class Backoff {

    private Backoff() {
    }

    /**
     * Returns the poll interval after a poll: {@code min} after a change, otherwise the current
     * interval times {@code factor}, capped at {@code max}.
     */
    static Duration nextPollInterval(Duration current, boolean changed, double factor, Duration min, Duration max) {
        if (changed) {
            return min;
        }
        long grownMillis = (long) Math.ceil(current.toMillis() * factor);
        Duration grown = Duration.ofMillis(grownMillis);
        if (grown.compareTo(min) < 0) {
            return min;
        }
        return grown.compareTo(max) > 0 ? max : grown;
    }

    /**
     * Returns the delay before retry number {@code retry} (1 for the first): {@code base * 2^(retry-1)}
     * capped at {@code max}, of which a random half is dropped ("equal jitter") so that clients
     * throttled together do not retry together.
     *
     * @param random source of values in [0, 1)
     */
    static Duration retryDelay(int retry, Duration base, Duration max, DoubleSupplier random) {
        int doublings = Math.min(Math.max(retry, 1) - 1, 30);
        long ceilingMillis = (long) Math.min(max.toMillis(), base.toMillis() * Math.pow(2, doublings));
        long half = ceilingMillis / 2;
        return Duration.ofMillis(ceilingMillis - half + (long) (random.getAsDouble() * half));
    }
}
