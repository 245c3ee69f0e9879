package io.jenkins.plugins.sagemaker.engine.logs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;

/**
 * Relays the CloudWatch log of one training job to a console while the job runs, each event once.
 * Lines can be missing only when reading is denied or when the final drain fails on a stream
 * {@link #DRAIN_ATTEMPTS} times, and the console gets a warning in both cases.
 *
 * <p>The job follower calls {@link #poll} on each of its ticks and {@link #drain} once when the job
 * is terminal, before it reports the result. Both take the previous {@link LogPosition} and return
 * the next one. The relay follows every stream of group {@code /aws/sagemaker/TrainingJobs} whose
 * name starts with {@code <job>/}, including streams that appear later. Each console line starts
 * with the host of its stream, and the events fetched in one call are printed in time order.
 *
 * <p>The end of a stream is a forward token that GetLogEvents returns unchanged. An empty or short
 * page is not the end. Throttling and other failed calls delay the affected stream or discovery and
 * do not fail the run, because the relay catches every {@link SdkException}. AccessDeniedException prints one warning and turns the relay off. A log group
 * that does not exist yet is normal early in a job.
 *
 * <p>Calls are kept few: a poll reads a stream again at once only while the stream has not reached
 * its end, skips a stream at its end whose lastIngestionTime is unchanged since, and otherwise
 * reads it after a growing idle backoff. Discovery backs off too, up to one minute while fewer
 * streams than expected are found and up to {@link LogRelayOptions#maxIdleInterval()} after that.
 *
 * <p>Not thread-safe: one follower uses one relay at a time. The relay holds no state between calls
 * besides its client, so a new relay continues from a stored position.
 */
public final class LogRelay {

    /** Attempts of each call of the final drain before it gives up on a stream or on discovery. */
    public static final int DRAIN_ATTEMPTS = 3;

    /** Events per GetLogEvents page, the maximum that CloudWatch Logs accepts. */
    static final int PAGE_LIMIT = 10_000;

    /**
     * Characters of messages from which a page counts as full although it has fewer than
     * {@link #PAGE_LIMIT} events, because CloudWatch Logs also ends a page at 1 MB. The value is a
     * quarter of that, because one UTF-16 character takes up to 3 bytes in UTF-8. So a page cut by
     * size is read on at once, and a smaller page above this size costs one extra call.
     */
    static final int FULL_PAGE_CHARS = 256 * 1024;

    /** Streams per DescribeLogStreams page, the maximum that CloudWatch Logs accepts. */
    static final int DISCOVERY_PAGE_LIMIT = 50;

    /** Pages per discovery, so at most 5,000 streams of one job are followed. */
    private static final int MAX_DISCOVERY_PAGES = 100;

    /** Pages of one stream per read, a guard against a service that never repeats the token. */
    private static final int MAX_PAGES_PER_READ = 1_000;

    /** Calls of one drain, a guard against a stream that never ends; about 100 million events. */
    private static final int MAX_DRAIN_CALLS = 10_000;

    /** Consecutive failed calls, other than throttling, after which the console gets a warning. */
    private static final int WARN_AFTER_FAILURES = 3;

    private static final Logger LOGGER = Logger.getLogger(LogRelay.class.getName());

    private final CloudWatchLogsClient logs;
    private final String jobName;
    private final LogRelayOptions options;
    private final LineFormatter formatter;

    /**
     * Creates a relay for one job.
     *
     * @param logs client of CloudWatch Logs in the job's region
     * @param jobName name of the training job
     * @param options polling and formatting settings
     */
    public LogRelay(CloudWatchLogsClient logs, String jobName, LogRelayOptions options) {
        this.logs = Objects.requireNonNull(logs, "logs");
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        this.options = Objects.requireNonNull(options, "options");
        this.formatter = new LineFormatter(options.maxLineLength());
    }

    /**
     * Prints the log lines that are new since {@code position}: discovers streams when discovery is
     * due, then reads every due stream, up to {@link LogRelayOptions#maxEventsPerPoll()} events.
     *
     * @param position position returned by the previous call, or {@link LogPosition#start()}
     * @param sink console that receives the lines and warnings
     * @param now current time of the follower's clock, which schedules discovery and backoffs
     * @return the position after the printed lines
     */
    public LogPosition poll(LogPosition position, LogLineSink sink, Instant now) {
        Objects.requireNonNull(sink, "sink");
        if (position.disabled()) {
            return position;
        }
        RelayState state = new RelayState(position);
        long nowMillis = now.toEpochMilli();
        try {
            if (nowMillis >= state.nextDiscoveryAtMillis) {
                discover(state, sink, nowMillis);
            }
            List<Fetched> batch = new ArrayList<>();
            try {
                int budget = options.maxEventsPerPoll();
                for (RelayState.StreamState stream : state.dueStreams(nowMillis, options)) {
                    if (budget <= 0) {
                        break;
                    }
                    budget -= read(stream, batch, budget, false, state, sink, nowMillis).events;
                }
            } finally {
                print(batch, sink);
            }
        } catch (AccessDenied denied) {
            disable(state, sink, denied.cause);
        }
        return state.toPosition();
    }

    /**
     * Prints every remaining line of a terminal job: discovers all streams, then reads each stream
     * to its end. Skips only streams whose lastIngestionTime is unchanged since they were read to
     * their end. Retries a throttled or failed call up to {@link #DRAIN_ATTEMPTS} times in all, with
     * {@link LogRelayOptions#drainRetryPause()} between attempts, and warns on the console about a
     * stream that it could not read to its end.
     *
     * @param position position returned by the previous call
     * @param sink console that receives the lines and warnings
     * @param now current time of the follower's clock
     * @return the position after the printed lines; every stream that could be read is at its end
     */
    public LogPosition drain(LogPosition position, LogLineSink sink, Instant now) {
        Objects.requireNonNull(sink, "sink");
        if (position.disabled()) {
            return position;
        }
        RelayState state = new RelayState(position);
        long nowMillis = now.toEpochMilli();
        try {
            for (int attempt = 1; attempt <= DRAIN_ATTEMPTS; attempt++) {
                if (discover(state, sink, nowMillis)) {
                    break;
                }
                pauseBeforeRetry(attempt);
            }
            drainStreams(state, sink, nowMillis);
        } catch (AccessDenied denied) {
            disable(state, sink, denied.cause);
        }
        return state.toPosition();
    }

    private void drainStreams(RelayState state, LogLineSink sink, long nowMillis) {
        List<RelayState.StreamState> pending = new ArrayList<>();
        for (RelayState.StreamState stream : state.streams.values()) {
            if (!stream.provenUnchanged()) {
                pending.add(stream);
            }
        }
        int[] attempts = new int[pending.size()];
        int calls = 0;
        while (!pending.isEmpty() && calls < MAX_DRAIN_CALLS) {
            List<Fetched> batch = new ArrayList<>();
            List<RelayState.StreamState> next = new ArrayList<>();
            int[] nextAttempts = new int[pending.size()];
            boolean failed = false;
            try {
                int budget = options.maxEventsPerPoll();
                for (int i = 0; i < pending.size(); i++) {
                    RelayState.StreamState stream = pending.get(i);
                    if (budget <= 0) {
                        nextAttempts[next.size()] = attempts[i];
                        next.add(stream);
                        continue;
                    }
                    ReadResult result = read(stream, batch, budget, true, state, sink, nowMillis);
                    budget -= result.events;
                    calls += result.calls;
                    if (result.failure != null) {
                        failed = true;
                        if (attempts[i] + 1 >= DRAIN_ATTEMPTS) {
                            warnIncomplete(sink, stream.name, result.failure);
                            continue;
                        }
                        nextAttempts[next.size()] = attempts[i] + 1;
                        next.add(stream);
                    } else if (!stream.atEnd) {
                        nextAttempts[next.size()] = attempts[i];
                        next.add(stream);
                    }
                }
            } finally {
                print(batch, sink);
            }
            pending = next;
            attempts = nextAttempts;
            if (failed && !pending.isEmpty()) {
                pauseBeforeRetry(1);
            }
        }
        for (RelayState.StreamState stream : pending) {
            sink.warn("Some log lines of job " + jobName + " may be missing from the console: stream "
                    + stream.name + " did not reach its end within " + MAX_DRAIN_CALLS
                    + " calls of the final drain. Its log stays in CloudWatch Logs group "
                    + StreamNames.LOG_GROUP + ".");
        }
    }

    /**
     * Lists the job's streams with DescribeLogStreams, all pages, and adds new ones to the state.
     *
     * @return whether the discovery succeeded, also when the log group does not exist yet
     */
    private boolean discover(RelayState state, LogLineSink sink, long nowMillis) {
        int found = 0;
        String token = null;
        try {
            for (int page = 0; page < MAX_DISCOVERY_PAGES; page++) {
                String pageToken = token;
                DescribeLogStreamsResponse response = logs.describeLogStreams(b -> b
                        .logGroupName(StreamNames.LOG_GROUP)
                        .logStreamNamePrefix(StreamNames.prefix(jobName))
                        .limit(DISCOVERY_PAGE_LIMIT)
                        .nextToken(pageToken));
                for (LogStream stream : response.logStreams()) {
                    found += observe(state, stream, nowMillis);
                }
                token = response.nextToken();
                if (token == null || token.isEmpty() || token.equals(pageToken)) {
                    break;
                }
            }
        } catch (SdkException e) {
            Failure failure = Failure.of(e);
            if (failure == Failure.ACCESS_DENIED) {
                throw new AccessDenied(e);
            }
            if (failure != Failure.NOT_FOUND) {
                // Streams from the pages before the failure stay known; the next discovery repeats all.
                state.nextDiscoveryAtMillis = nowMillis
                        + options.backoffMillis(state.discoveryFailures, options.maxIdleInterval());
                state.discoveryFailures++;
                recordFailure(state, sink, failure, "DescribeLogStreams", e);
                return false;
            }
            LOGGER.log(Level.FINE, "Log group {0} does not exist yet, job {1}",
                    new Object[] {StreamNames.LOG_GROUP, jobName});
        }
        state.discoveryFailures = 0;
        state.failureStreak = 0;
        state.lastDiscoveryAtMillis = nowMillis;
        state.idleDiscoveries = found > 0 ? 0 : state.idleDiscoveries + 1;
        state.nextDiscoveryAtMillis = nowMillis + discoveryIntervalMillis(state);
        if (found > 0) {
            LOGGER.log(Level.FINE, "Found {0} new log streams of job {1}, {2} in all",
                    new Object[] {found, jobName, state.streams.size()});
        }
        return true;
    }

    /** Adds or updates one discovered stream; returns 1 for a new stream, else 0. */
    private int observe(RelayState state, LogStream stream, long nowMillis) {
        String name = stream.logStreamName();
        if (name == null || !name.startsWith(StreamNames.prefix(jobName))) {
            return 0;
        }
        RelayState.StreamState known = state.streams.get(name);
        if (known != null) {
            known.observe(stream.lastIngestionTime(), nowMillis);
            return 0;
        }
        Long ingestion = stream.lastIngestionTime();
        state.streams.put(name, new RelayState.StreamState(name, ingestion == null ? -1 : ingestion));
        return 1;
    }

    /**
     * Returns the delay before the next discovery: it grows while discoveries find no new stream,
     * up to one cap while fewer streams than expected are known and a larger one after that.
     */
    private long discoveryIntervalMillis(RelayState state) {
        int expected = options.expectedStreams();
        int known = state.streams.size();
        boolean complete = expected > 0 ? known >= expected : known > 0;
        return options.backoffMillis(state.idleDiscoveries,
                complete ? options.maxIdleInterval() : options.maxSearchInterval());
    }

    /**
     * Reads one stream from its forward token with GetLogEvents (startFromHead=true) and adds the
     * events to {@code batch}. Stops when the token comes back unchanged, which is the end, or when
     * the budget of events is used up. Outside a drain it also stops after a non-empty page that is
     * not full. Such a page is probably the end, and the next poll confirms it or reads on, which
     * saves the call that would confirm the end on every poll of a growing stream.
     */
    private ReadResult read(RelayState.StreamState stream, List<Fetched> batch, int budget,
            boolean drain, RelayState state, LogLineSink sink, long nowMillis) {
        String host = StreamNames.host(jobName, stream.name);
        int events = 0;
        int calls = 0;
        try {
            while (true) {
                String token = stream.forwardToken;
                calls++;
                GetLogEventsResponse response = logs.getLogEvents(b -> b
                        .logGroupName(StreamNames.LOG_GROUP)
                        .logStreamName(stream.name)
                        .startFromHead(true)
                        .limit(PAGE_LIMIT)
                        .nextToken(token));
                List<OutputLogEvent> page = response.events();
                long pageChars = 0;
                for (OutputLogEvent event : page) {
                    Long timestamp = event.timestamp();
                    String message = event.message() == null ? "" : event.message();
                    batch.add(new Fetched(timestamp == null ? 0 : timestamp, host, message));
                    pageChars += message.length();
                }
                events += page.size();
                stream.succeeded();
                state.failureStreak = 0;

                String nextToken = response.nextForwardToken();
                if (nextToken == null || nextToken.equals(token)) {
                    stream.reachedEnd(nowMillis, events > 0);
                    break;
                }
                stream.forwardToken = nextToken;
                boolean shortPage = !page.isEmpty() && page.size() < PAGE_LIMIT
                        && pageChars < FULL_PAGE_CHARS;
                if ((shortPage && !drain) || events >= budget || calls >= MAX_PAGES_PER_READ) {
                    stream.stoppedBeforeEnd(nowMillis);
                    break;
                }
                // An empty page with a new token is not the end: CloudWatch Logs may return empty
                // pages in the middle of a stream.
            }
        } catch (SdkException e) {
            Failure failure = Failure.of(e);
            if (failure == Failure.ACCESS_DENIED) {
                throw new AccessDenied(e);
            }
            stream.failed(nowMillis, options);
            recordFailure(state, sink, failure, "GetLogEvents of stream " + stream.name, e);
            return new ReadResult(events, calls, e);
        }
        return new ReadResult(events, calls, null);
    }

    /** Prints the events of one poll in time order; the sort is stable, so ties keep their order. */
    private void print(List<Fetched> batch, LogLineSink sink) {
        batch.sort(Comparator.comparingLong(Fetched::timestamp));
        for (Fetched event : batch) {
            formatter.format(event.host(), event.message(), sink::line);
        }
        batch.clear();
    }

    private void recordFailure(RelayState state, LogLineSink sink, Failure failure, String call,
            SdkException e) {
        if (failure == Failure.THROTTLED || failure == Failure.NOT_FOUND) {
            LOGGER.log(Level.FINE, "{0} of job {1} was throttled or found nothing; retrying later",
                    new Object[] {call, jobName});
            return;
        }
        state.failureStreak++;
        LOGGER.log(state.failureStreak == 1 ? Level.WARNING : Level.FINE,
                "Reading CloudWatch logs of job " + jobName + " failed in " + call
                        + " (failure " + state.failureStreak + " in a row); retrying later", e);
        if (state.failureStreak == WARN_AFTER_FAILURES) {
            sink.warn("Reading CloudWatch logs of job " + jobName + " failed " + WARN_AFTER_FAILURES
                    + " times in a row, last in " + call + ": " + describe(e)
                    + ". Log relay retries with backoff; the job is still followed by its status.");
        }
    }

    private void warnIncomplete(LogLineSink sink, String streamName, SdkException e) {
        sink.warn("Some log lines of job " + jobName + " may be missing from the console: reading"
                + " stream " + streamName + " failed " + DRAIN_ATTEMPTS + " times at the end of the"
                + " job: " + describe(e) + ". Its log stays in CloudWatch Logs group "
                + StreamNames.LOG_GROUP + ".");
    }

    private void disable(RelayState state, LogLineSink sink, SdkException e) {
        state.disabled = true;
        LOGGER.log(Level.WARNING, "Log relay of job " + jobName + " turned off: access denied", e);
        sink.warn("Cannot read CloudWatch logs of job " + jobName + ": " + describe(e)
                + "; the job is still followed by its status. To see its log here, allow"
                + " logs:DescribeLogStreams and logs:GetLogEvents on log group "
                + StreamNames.LOG_GROUP + ".");
    }

    private void pauseBeforeRetry(int attempt) {
        long millis = options.drainRetryPause().toMillis() * attempt;
        if (millis <= 0) {
            return;
        }
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String describe(SdkException e) {
        return Failure.errorCode(e).map(code -> code + " (" + messageOf(e) + ")").orElse(messageOf(e));
    }

    private static String messageOf(SdkException e) {
        if (e instanceof AwsServiceException) {
            AwsErrorDetails details = ((AwsServiceException) e).awsErrorDetails();
            if (details != null && details.errorMessage() != null) {
                return details.errorMessage();
            }
        }
        return String.valueOf(e.getMessage());
    }

    /** One fetched event, with the host of its stream. */
    private record Fetched(long timestamp, String host, String message) {}

    /** Events and calls of one read, and the failure that stopped it, if any. */
    private record ReadResult(int events, int calls, SdkException failure) {}

    /** Stops a poll or drain when CloudWatch Logs denies access. */
    private static final class AccessDenied extends RuntimeException {
        private static final long serialVersionUID = 1L;
        final transient SdkException cause;

        AccessDenied(SdkException cause) {
            super(cause.getMessage(), cause, false, false);
            this.cause = cause;
        }
    }
}
