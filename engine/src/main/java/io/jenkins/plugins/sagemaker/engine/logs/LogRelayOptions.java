package io.jenkins.plugins.sagemaker.engine.logs;

import java.time.Duration;

/**
 * Settings of a {@link LogRelay}. Start from {@link #defaults()} and change single values with the
 * {@code with...} methods.
 *
 * @param expectedStreams number of streams to expect, the job's InstanceCount; 0 when unknown.
 *     Discovery runs less often once this many streams are found.
 * @param maxLineLength maximum length of one console line in UTF-16 code units, without the host
 *     prefix; longer lines are shortened with a marker
 * @param maxEventsPerPoll number of events after which a poll reads no further page, so one poll
 *     holds a bounded number of events in memory; the rest follows on the next poll
 * @param minInterval first delay of every backoff: of discovery after it found nothing new, of a
 *     stream after it had no new events, and after a throttled or failed call
 * @param maxSearchInterval maximum delay between discoveries while fewer streams than expected are
 *     found
 * @param maxIdleInterval maximum delay of every other backoff: between discoveries once all
 *     expected streams are found, between reads of a stream without new events, and after a
 *     throttled or failed call
 * @param drainRetryPause pause of the final drain before it retries a throttled or failed call
 *     (up to {@link LogRelay#DRAIN_ATTEMPTS} attempts in all)
 */
public record LogRelayOptions(
        int expectedStreams,
        int maxLineLength,
        int maxEventsPerPoll,
        Duration minInterval,
        Duration maxSearchInterval,
        Duration maxIdleInterval,
        Duration drainRetryPause) {

    /** Validates the values. */
    public LogRelayOptions {
        if (expectedStreams < 0) {
            throw new IllegalArgumentException(
                    "expectedStreams must be 0 (unknown) or more, got " + expectedStreams);
        }
        if (maxLineLength < 1) {
            throw new IllegalArgumentException(
                    "maxLineLength must be at least 1, got " + maxLineLength);
        }
        if (maxEventsPerPoll < 1) {
            throw new IllegalArgumentException(
                    "maxEventsPerPoll must be at least 1, got " + maxEventsPerPoll);
        }
        requirePositive("minInterval", minInterval);
        requirePositive("maxSearchInterval", maxSearchInterval);
        requirePositive("maxIdleInterval", maxIdleInterval);
        if (drainRetryPause == null || drainRetryPause.isNegative()) {
            throw new IllegalArgumentException(
                    "drainRetryPause must be zero or positive, got " + drainRetryPause);
        }
    }

    /**
     * Returns the defaults: expected streams unknown, lines of 16,384 characters and 50,000 events
     * per poll. Backoffs start at 10 seconds and grow up to 1 minute while streams are missing and up
     * to 5 minutes otherwise. The final drain pauses 1 second between retries.
     */
    public static LogRelayOptions defaults() {
        return new LogRelayOptions(
                0,
                LineFormatter.DEFAULT_MAX_LINE_LENGTH,
                50_000,
                Duration.ofSeconds(10),
                Duration.ofMinutes(1),
                Duration.ofMinutes(5),
                Duration.ofSeconds(1));
    }

    /** Returns these options with another number of expected streams (InstanceCount). */
    public LogRelayOptions withExpectedStreams(int value) {
        return new LogRelayOptions(value, maxLineLength, maxEventsPerPoll, minInterval,
                maxSearchInterval, maxIdleInterval, drainRetryPause);
    }

    /** Returns these options with another maximum line length. */
    public LogRelayOptions withMaxLineLength(int value) {
        return new LogRelayOptions(expectedStreams, value, maxEventsPerPoll, minInterval,
                maxSearchInterval, maxIdleInterval, drainRetryPause);
    }

    /** Returns these options with another number of events per poll. */
    public LogRelayOptions withMaxEventsPerPoll(int value) {
        return new LogRelayOptions(expectedStreams, maxLineLength, value, minInterval,
                maxSearchInterval, maxIdleInterval, drainRetryPause);
    }

    /** Returns these options with other backoff bounds. */
    public LogRelayOptions withIntervals(Duration min, Duration maxSearch, Duration maxIdle) {
        return new LogRelayOptions(expectedStreams, maxLineLength, maxEventsPerPoll, min,
                maxSearch, maxIdle, drainRetryPause);
    }

    /** Returns these options with another pause between retries of the final drain. */
    public LogRelayOptions withDrainRetryPause(Duration value) {
        return new LogRelayOptions(expectedStreams, maxLineLength, maxEventsPerPoll, minInterval,
                maxSearchInterval, maxIdleInterval, value);
    }

    /** Returns {@code minInterval * 2^steps}, at most {@code max}, in milliseconds. */
    long backoffMillis(int steps, Duration max) {
        long min = minInterval.toMillis();
        long cap = Math.max(min, max.toMillis());
        int shift = Math.max(steps, 0);
        if (shift >= Long.numberOfLeadingZeros(min) - 1) {
            return cap;
        }
        return Math.min(min << shift, cap);
    }

    private static void requirePositive(String name, Duration value) {
        if (value == null || value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be a positive duration, got " + value);
        }
    }
}
