package io.jenkins.plugins.sagemaker.engine.logs;

import java.io.Serializable;
import java.util.Objects;

/**
 * Read position and polling schedule of one log stream, part of a {@link LogPosition}.
 *
 * <p>Times are epoch milliseconds, and -1 means unknown. {@code ingestionAtEnd} is the stream's
 * {@code lastIngestionTime} that the latest discovery had reported when a read reached the end of
 * the stream, so a later discovery that reports the same value proves that the stream has no new
 * events.
 */
final class StreamCursor implements Serializable {
    private static final long serialVersionUID = 1L;

    final String forwardToken;
    final boolean atEnd;
    final long ingestionAtEnd;
    final long knownIngestion;
    final long checkedAtMillis;
    final int idleChecks;
    final long notBeforeMillis;
    final int failures;

    StreamCursor(
            String forwardToken,
            boolean atEnd,
            long ingestionAtEnd,
            long knownIngestion,
            long checkedAtMillis,
            int idleChecks,
            long notBeforeMillis,
            int failures) {
        this.forwardToken = forwardToken;
        this.atEnd = atEnd;
        this.ingestionAtEnd = ingestionAtEnd;
        this.knownIngestion = knownIngestion;
        this.checkedAtMillis = checkedAtMillis;
        this.idleChecks = idleChecks;
        this.notBeforeMillis = notBeforeMillis;
        this.failures = failures;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof StreamCursor)) {
            return false;
        }
        StreamCursor other = (StreamCursor) o;
        return atEnd == other.atEnd
                && ingestionAtEnd == other.ingestionAtEnd
                && knownIngestion == other.knownIngestion
                && checkedAtMillis == other.checkedAtMillis
                && idleChecks == other.idleChecks
                && notBeforeMillis == other.notBeforeMillis
                && failures == other.failures
                && Objects.equals(forwardToken, other.forwardToken);
    }

    @Override
    public int hashCode() {
        return Objects.hash(forwardToken, atEnd, ingestionAtEnd, knownIngestion, checkedAtMillis);
    }

    @Override
    public String toString() {
        return "StreamCursor[token=" + forwardToken + ", atEnd=" + atEnd
                + ", ingestionAtEnd=" + ingestionAtEnd + ", knownIngestion=" + knownIngestion
                + ", checkedAt=" + checkedAtMillis + ", idleChecks=" + idleChecks
                + ", notBefore=" + notBeforeMillis + ", failures=" + failures + "]";
    }
}
