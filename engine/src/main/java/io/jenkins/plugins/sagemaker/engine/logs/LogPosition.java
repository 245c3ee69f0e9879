package io.jenkins.plugins.sagemaker.engine.logs;

import java.io.Serializable;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Read position of a job's log relay: per stream its forward token and polling schedule, plus the
 * state of stream discovery. An immutable, serializable value of a few hundred bytes per stream.
 *
 * <p>A pipeline step stores the position that {@link LogRelay#poll} returned and passes it to the
 * next call, also after a restart, so the console continues without a gap or a repeated line.
 */
public final class LogPosition implements Serializable {
    private static final long serialVersionUID = 1L;

    private static final LogPosition START =
            new LogPosition(new TreeMap<>(), -1, 0, 0, 0, 0, false);

    private final TreeMap<String, StreamCursor> streams;
    private final long lastDiscoveryAtMillis;
    private final long nextDiscoveryAtMillis;
    private final int idleDiscoveries;
    private final int discoveryFailures;
    private final int failureStreak;
    private final boolean disabled;

    LogPosition(
            SortedMap<String, StreamCursor> streams,
            long lastDiscoveryAtMillis,
            long nextDiscoveryAtMillis,
            int idleDiscoveries,
            int discoveryFailures,
            int failureStreak,
            boolean disabled) {
        this.streams = new TreeMap<>(streams);
        this.lastDiscoveryAtMillis = lastDiscoveryAtMillis;
        this.nextDiscoveryAtMillis = nextDiscoveryAtMillis;
        this.idleDiscoveries = idleDiscoveries;
        this.discoveryFailures = discoveryFailures;
        this.failureStreak = failureStreak;
        this.disabled = disabled;
    }

    /** Returns the position of a job whose log has not been read yet. */
    public static LogPosition start() {
        return START;
    }

    /** Returns the names of the streams found so far, sorted. */
    public SortedSet<String> streamNames() {
        return Collections.unmodifiableSortedSet(new TreeSet<>(streams.keySet()));
    }

    /** Returns the forward token of a stream, empty before its first read or for an unknown stream. */
    public Optional<String> forwardToken(String streamName) {
        StreamCursor cursor = streams.get(streamName);
        return cursor == null ? Optional.empty() : Optional.ofNullable(cursor.forwardToken);
    }

    /** Returns whether log relay turned itself off, because reading the log was not permitted. */
    public boolean disabled() {
        return disabled;
    }

    Map<String, StreamCursor> streams() {
        return Collections.unmodifiableMap(streams);
    }

    long lastDiscoveryAtMillis() {
        return lastDiscoveryAtMillis;
    }

    long nextDiscoveryAtMillis() {
        return nextDiscoveryAtMillis;
    }

    int idleDiscoveries() {
        return idleDiscoveries;
    }

    int discoveryFailures() {
        return discoveryFailures;
    }

    int failureStreak() {
        return failureStreak;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof LogPosition)) {
            return false;
        }
        LogPosition other = (LogPosition) o;
        return lastDiscoveryAtMillis == other.lastDiscoveryAtMillis
                && nextDiscoveryAtMillis == other.nextDiscoveryAtMillis
                && idleDiscoveries == other.idleDiscoveries
                && discoveryFailures == other.discoveryFailures
                && failureStreak == other.failureStreak
                && disabled == other.disabled
                && streams.equals(other.streams);
    }

    @Override
    public int hashCode() {
        return Objects.hash(streams, lastDiscoveryAtMillis, nextDiscoveryAtMillis, disabled);
    }

    @Override
    public String toString() {
        return "LogPosition[streams=" + streams + ", lastDiscoveryAt=" + lastDiscoveryAtMillis
                + ", nextDiscoveryAt=" + nextDiscoveryAtMillis + ", idleDiscoveries="
                + idleDiscoveries + ", discoveryFailures=" + discoveryFailures
                + ", failureStreak=" + failureStreak + ", disabled=" + disabled + "]";
    }
}
