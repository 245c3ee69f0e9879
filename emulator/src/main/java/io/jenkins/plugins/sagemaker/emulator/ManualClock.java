package io.jenkins.plugins.sagemaker.emulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Emulator clock moved only by the test. Each move notifies the emulators that use this clock, so job
 * state (and its side effects such as the model archive in S3) is up to date when the move returns.
 */
public final class ManualClock implements EmulatorClock {

    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Instant now;

    ManualClock(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    /** Moves the clock forward; a negative duration is rejected because job timelines only move forward. */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative, got " + duration);
        }
        synchronized (this) {
            now = now.plus(duration);
        }
        notifyListeners();
    }

    /** Sets the clock; an instant before the current time is rejected because job timelines only move forward. */
    public void set(Instant instant) {
        synchronized (this) {
            if (instant.isBefore(now)) {
                throw new IllegalArgumentException("instant " + instant + " is before the current clock time " + now
                        + "; the manual clock only moves forward");
            }
            now = instant;
        }
        notifyListeners();
    }

    void addListener(Runnable listener) {
        listeners.add(listener);
    }

    void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    private void notifyListeners() {
        for (Runnable listener : listeners) {
            listener.run();
        }
    }

    @Override
    public String toString() {
        return "ManualClock[" + now() + "]";
    }
}
