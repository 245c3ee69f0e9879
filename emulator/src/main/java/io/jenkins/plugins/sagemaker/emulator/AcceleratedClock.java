package io.jenkins.plugins.sagemaker.emulator;

import java.time.Instant;

/** Clock that runs {@code factor} times faster than the wall clock, measured with {@link System#nanoTime()}. */
final class AcceleratedClock implements EmulatorClock {

    private final Instant start;
    private final long startNanos;
    private final double factor;

    AcceleratedClock(Instant start, double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("factor must be a positive finite number, got " + factor);
        }
        this.start = start;
        this.startNanos = System.nanoTime();
        this.factor = factor;
    }

    @Override
    public Instant now() {
        long elapsedNanos = System.nanoTime() - startNanos;
        return start.plusNanos((long) (elapsedNanos * factor));
    }

    double factor() {
        return factor;
    }

    @Override
    public String toString() {
        return "AcceleratedClock[factor=" + factor + ", now=" + now() + "]";
    }
}
