package io.jenkins.plugins.sagemaker.engine.logs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Mutable working copy of a {@link LogPosition} during one poll or drain. */
final class RelayState {

    final TreeMap<String, StreamState> streams = new TreeMap<>();
    long lastDiscoveryAtMillis;
    long nextDiscoveryAtMillis;
    int idleDiscoveries;
    int discoveryFailures;
    int failureStreak;
    boolean disabled;

    RelayState(LogPosition position) {
        for (Map.Entry<String, StreamCursor> entry : position.streams().entrySet()) {
            streams.put(entry.getKey(), new StreamState(entry.getKey(), entry.getValue()));
        }
        lastDiscoveryAtMillis = position.lastDiscoveryAtMillis();
        nextDiscoveryAtMillis = position.nextDiscoveryAtMillis();
        idleDiscoveries = position.idleDiscoveries();
        discoveryFailures = position.discoveryFailures();
        failureStreak = position.failureStreak();
        disabled = position.disabled();
    }

    LogPosition toPosition() {
        TreeMap<String, StreamCursor> cursors = new TreeMap<>();
        for (StreamState stream : streams.values()) {
            cursors.put(stream.name, stream.toCursor());
        }
        return new LogPosition(cursors, lastDiscoveryAtMillis, nextDiscoveryAtMillis,
                idleDiscoveries, discoveryFailures, failureStreak, disabled);
    }

    /** Returns the streams due for a read at {@code nowMillis}, least recently read first. */
    List<StreamState> dueStreams(long nowMillis, LogRelayOptions options) {
        List<StreamState> due = new ArrayList<>();
        for (StreamState stream : streams.values()) {
            if (stream.isDue(nowMillis, options)) {
                due.add(stream);
            }
        }
        due.sort(Comparator.comparingLong((StreamState s) -> s.checkedAtMillis)
                .thenComparing(s -> s.name));
        return due;
    }

    /** Mutable read position and schedule of one stream; see {@link StreamCursor}. */
    static final class StreamState {
        final String name;
        String forwardToken;
        boolean atEnd;
        long ingestionAtEnd;
        long knownIngestion;
        long checkedAtMillis;
        int idleChecks;
        long notBeforeMillis;
        int failures;

        StreamState(String name, long knownIngestion) {
            this.name = name;
            this.ingestionAtEnd = -1;
            this.knownIngestion = knownIngestion;
            this.checkedAtMillis = -1;
        }

        StreamState(String name, StreamCursor cursor) {
            this.name = name;
            this.forwardToken = cursor.forwardToken;
            this.atEnd = cursor.atEnd;
            this.ingestionAtEnd = cursor.ingestionAtEnd;
            this.knownIngestion = cursor.knownIngestion;
            this.checkedAtMillis = cursor.checkedAtMillis;
            this.idleChecks = cursor.idleChecks;
            this.notBeforeMillis = cursor.notBeforeMillis;
            this.failures = cursor.failures;
        }

        StreamCursor toCursor() {
            return new StreamCursor(forwardToken, atEnd, ingestionAtEnd, knownIngestion,
                    checkedAtMillis, idleChecks, notBeforeMillis, failures);
        }

        /**
         * Returns whether discovery proved that the stream has no events after its end: it reports
         * the same lastIngestionTime as when a read reached the end.
         */
        boolean provenUnchanged() {
            return atEnd && knownIngestion >= 0 && knownIngestion == ingestionAtEnd;
        }

        /**
         * Returns whether the stream should be read now. A stream that has not reached its end is
         * read on every poll. A stream at its end is read when discovery reports a newer
         * lastIngestionTime, and otherwise only after its idle backoff, in case that metadata lags.
         * Every read waits for the backoff of a throttled or failed call.
         */
        boolean isDue(long nowMillis, LogRelayOptions options) {
            if (nowMillis < notBeforeMillis) {
                return false;
            }
            if (!atEnd) {
                return true;
            }
            if (knownIngestion >= 0 && knownIngestion != ingestionAtEnd) {
                return true;
            }
            return nowMillis >= checkedAtMillis
                    + options.backoffMillis(idleChecks, options.maxIdleInterval());
        }

        /** Records a discovery result of this stream, taken at {@code nowMillis}. */
        void observe(Long lastIngestionTime, long nowMillis) {
            if (lastIngestionTime == null) {
                return;
            }
            knownIngestion = lastIngestionTime;
            if (provenUnchanged()) {
                // The discovery counts as a check without new events, so no blind read is due yet.
                checkedAtMillis = Math.max(checkedAtMillis, nowMillis);
            }
        }

        /** Records that a read reached the end: the forward token came back unchanged. */
        void reachedEnd(long nowMillis, boolean hadEvents) {
            atEnd = true;
            ingestionAtEnd = knownIngestion;
            checkedAtMillis = nowMillis;
            idleChecks = hadEvents ? 0 : idleChecks + 1;
        }

        /** Records that a read stopped before the end, so the next poll reads on. */
        void stoppedBeforeEnd(long nowMillis) {
            atEnd = false;
            checkedAtMillis = nowMillis;
            idleChecks = 0;
        }

        void succeeded() {
            failures = 0;
            notBeforeMillis = 0;
        }

        void failed(long nowMillis, LogRelayOptions options) {
            notBeforeMillis = nowMillis + options.backoffMillis(failures, options.maxIdleInterval());
            failures++;
        }
    }
}
