package io.jenkins.plugins.sagemaker.emulator;

import java.time.Instant;

/**
 * Time source of the emulator. Job phases, log event timestamps and visibility all follow this clock,
 * never the wall clock directly.
 */
public interface EmulatorClock {

    /** Returns the current emulator time. */
    Instant now();

    /** Creates a clock that does not move until {@link ManualClock#advance} or {@link ManualClock#set} moves it. */
    static ManualClock manual(Instant start) {
        return new ManualClock(start);
    }

    /**
     * Creates a clock that starts at the current wall time and runs {@code factor} times faster:
     * emulator time = start + factor × elapsed wall time.
     */
    static EmulatorClock accelerated(double factor) {
        return new AcceleratedClock(Instant.now(), factor);
    }
}
