package io.jenkins.plugins.sagemaker.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Injected failures of the SageMaker and CloudWatch Logs endpoint, per operation name (for example
 * {@code DescribeTrainingJob} or {@code GetLogEvents}). Faults of one operation are used in the order
 * they were added, and each call uses up one.
 */
public final class Faults {

    enum Kind {
        THROTTLE, SERVER_ERROR, DELAY, LOSE_RESPONSE
    }

    /** One injected fault: its kind and, for {@link Kind#DELAY}, the wall-clock delay. */
    record Fault(Kind kind, Duration delay) {
    }

    private static final class Entry {
        private final Fault fault;
        private int remaining;

        Entry(Fault fault, int remaining) {
            this.fault = fault;
            this.remaining = remaining;
        }
    }

    private final Map<String, Deque<Entry>> pending = new HashMap<>();

    Faults() {
    }

    /** Makes the next {@code times} calls of the operation fail with HTTP 400 ThrottlingException. */
    public void throttle(String operation, int times) {
        add(operation, new Fault(Kind.THROTTLE, Duration.ZERO), times);
    }

    /** Makes the next {@code times} calls of the operation fail with HTTP 500 InternalFailure, without doing the work. */
    public void serverError(String operation, int times) {
        add(operation, new Fault(Kind.SERVER_ERROR, Duration.ZERO), times);
    }

    /** Delays the next {@code times} calls of the operation by this much wall-clock time before they are handled. */
    public void delay(String operation, Duration delay, int times) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, got " + delay);
        }
        add(operation, new Fault(Kind.DELAY, delay), times);
    }

    /** Makes the next {@code times} calls of the operation do their work and then return HTTP 500, as if the response was lost. */
    public void loseResponse(String operation, int times) {
        add(operation, new Fault(Kind.LOSE_RESPONSE, Duration.ZERO), times);
    }

    /** Removes every pending fault. */
    public synchronized void clear() {
        pending.clear();
    }

    /** Takes the next fault of an operation, or returns null when none is pending. */
    synchronized Fault next(String operation) {
        Deque<Entry> entries = pending.get(operation);
        if (entries == null || entries.isEmpty()) {
            return null;
        }
        Entry head = entries.peekFirst();
        head.remaining--;
        if (head.remaining == 0) {
            entries.removeFirst();
        }
        return head.fault;
    }

    private synchronized void add(String operation, Fault fault, int times) {
        Objects.requireNonNull(operation, "operation");
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1, got " + times);
        }
        pending.computeIfAbsent(operation, key -> new ArrayDeque<>()).addLast(new Entry(fault, times));
    }
}
