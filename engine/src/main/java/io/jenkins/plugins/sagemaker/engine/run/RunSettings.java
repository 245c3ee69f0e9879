package io.jenkins.plugins.sagemaker.engine.run;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Timing of submission, polling, retries and stop for {@link JobSubmitter} and {@link JobFollower}.
 * Immutable.
 */
public final class RunSettings {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(5);
    public static final Duration DEFAULT_MAX_POLL_INTERVAL = Duration.ofSeconds(60);
    /** Factor applied to the poll interval after each poll that found nothing new. */
    public static final double DEFAULT_POLL_BACKOFF = 1.5;
    public static final Duration DEFAULT_RETRY_BASE_DELAY = Duration.ofSeconds(1);
    public static final Duration DEFAULT_RETRY_MAX_DELAY = Duration.ofSeconds(30);
    /** CreateTrainingJob attempts by the engine, each of which includes the SDK's own attempts. */
    public static final int DEFAULT_SUBMIT_ATTEMPTS = 5;
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofMinutes(15);

    private final Duration pollInterval;
    private final Duration maxPollInterval;
    private final double pollBackoff;
    private final Duration retryBaseDelay;
    private final Duration retryMaxDelay;
    private final int submitAttempts;
    private final Duration stopTimeout;
    private final Clock clock;
    private final Sleeper sleeper;

    private RunSettings(Builder builder) {
        this.pollInterval = builder.pollInterval;
        this.maxPollInterval = builder.maxPollInterval;
        this.pollBackoff = builder.pollBackoff;
        this.retryBaseDelay = builder.retryBaseDelay;
        this.retryMaxDelay = builder.retryMaxDelay;
        this.submitAttempts = builder.submitAttempts;
        this.stopTimeout = builder.stopTimeout;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
    }

    public static RunSettings defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder()
                .pollInterval(pollInterval)
                .maxPollInterval(maxPollInterval)
                .pollBackoff(pollBackoff)
                .retryBaseDelay(retryBaseDelay)
                .retryMaxDelay(retryMaxDelay)
                .submitAttempts(submitAttempts)
                .stopTimeout(stopTimeout)
                .clock(clock)
                .sleeper(sleeper);
    }

    /** Poll interval at the start and after every poll that found a change. */
    public Duration pollInterval() {
        return pollInterval;
    }

    public Duration maxPollInterval() {
        return maxPollInterval;
    }

    public double pollBackoff() {
        return pollBackoff;
    }

    /** Delay before the first engine-level retry of a transient error; it doubles per retry, with jitter. */
    public Duration retryBaseDelay() {
        return retryBaseDelay;
    }

    public Duration retryMaxDelay() {
        return retryMaxDelay;
    }

    public int submitAttempts() {
        return submitAttempts;
    }

    /** How long to wait for Stopped after a stop request before reporting the stop as unconfirmed. */
    public Duration stopTimeout() {
        return stopTimeout;
    }

    /** Clock for the stop timeout; tests pass the emulator's clock. */
    public Clock clock() {
        return clock;
    }

    public Sleeper sleeper() {
        return sleeper;
    }

    @Override
    public String toString() {
        return "RunSettings{pollInterval=" + pollInterval + ", maxPollInterval=" + maxPollInterval
                + ", pollBackoff=" + pollBackoff + ", retryBaseDelay=" + retryBaseDelay
                + ", retryMaxDelay=" + retryMaxDelay + ", submitAttempts=" + submitAttempts
                + ", stopTimeout=" + stopTimeout + "}";
    }

    /** Builder for {@link RunSettings}; every value has a default. */
    public static final class Builder {

        private Duration pollInterval = DEFAULT_POLL_INTERVAL;
        private Duration maxPollInterval = DEFAULT_MAX_POLL_INTERVAL;
        private double pollBackoff = DEFAULT_POLL_BACKOFF;
        private Duration retryBaseDelay = DEFAULT_RETRY_BASE_DELAY;
        private Duration retryMaxDelay = DEFAULT_RETRY_MAX_DELAY;
        private int submitAttempts = DEFAULT_SUBMIT_ATTEMPTS;
        private Duration stopTimeout = DEFAULT_STOP_TIMEOUT;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        public Builder pollInterval(Duration pollInterval) {
            this.pollInterval = positive("pollInterval", pollInterval);
            return this;
        }

        public Builder maxPollInterval(Duration maxPollInterval) {
            this.maxPollInterval = positive("maxPollInterval", maxPollInterval);
            return this;
        }

        /** Sets the growth factor per unchanged poll, from 1.0 (constant interval) to 10. */
        public Builder pollBackoff(double pollBackoff) {
            if (!(pollBackoff >= 1.0 && pollBackoff <= 10.0)) {
                throw new IllegalArgumentException("pollBackoff " + pollBackoff + " is invalid; use a factor from 1.0 to 10.");
            }
            this.pollBackoff = pollBackoff;
            return this;
        }

        public Builder retryBaseDelay(Duration retryBaseDelay) {
            this.retryBaseDelay = positive("retryBaseDelay", retryBaseDelay);
            return this;
        }

        public Builder retryMaxDelay(Duration retryMaxDelay) {
            this.retryMaxDelay = positive("retryMaxDelay", retryMaxDelay);
            return this;
        }

        /** Sets the engine-level CreateTrainingJob attempts, 1 to 20. */
        public Builder submitAttempts(int submitAttempts) {
            if (submitAttempts < 1 || submitAttempts > 20) {
                throw new IllegalArgumentException("submitAttempts " + submitAttempts + " is invalid; use 1 to 20.");
            }
            this.submitAttempts = submitAttempts;
            return this;
        }

        public Builder stopTimeout(Duration stopTimeout) {
            this.stopTimeout = positive("stopTimeout", stopTimeout);
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        public RunSettings build() {
            if (maxPollInterval.compareTo(pollInterval) < 0) {
                throw new IllegalArgumentException("maxPollInterval " + maxPollInterval
                        + " is shorter than pollInterval " + pollInterval + "; raise maxPollInterval.");
            }
            if (retryMaxDelay.compareTo(retryBaseDelay) < 0) {
                throw new IllegalArgumentException("retryMaxDelay " + retryMaxDelay
                        + " is shorter than retryBaseDelay " + retryBaseDelay + "; raise retryMaxDelay.");
            }
            return new RunSettings(this);
        }

        private static Duration positive(String name, Duration value) {
            Objects.requireNonNull(value, name);
            if (value.isNegative() || value.isZero()) {
                throw new IllegalArgumentException(name + " " + value + " is invalid; use a positive duration.");
            }
            return value;
        }
    }
}
