package io.jenkins.plugins.sagemaker.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Relay rules against a loopback CloudWatch Logs endpoint that can deny access, return empty pages
 * in the middle of a stream and vary page sizes. Scenarios of whole jobs run against the emulator in
 * {@link LogRelayEmulatorTest}.
 */
class LogRelayTest {

    private static final String JOB = "nightly-7";
    private static final String ALGO_1 = JOB + "/algo-1-1700000000";
    private static final String ALGO_2 = JOB + "/algo-2-1700000000";
    private static final Duration TICK = Duration.ofSeconds(30);

    private FakeCloudWatchLogs fake;
    private CloudWatchLogsClient client;
    private Instant now = Instant.parse("2026-12-04T10:00:00Z");

    @BeforeEach
    void startFake() throws IOException {
        fake = new FakeCloudWatchLogs();
        client = fake.client();
    }

    @AfterEach
    void stopFake() {
        client.close();
        fake.close();
    }

    private LogRelay relay(LogRelayOptions options) {
        return new LogRelay(client, JOB, options.withDrainRetryPause(Duration.ZERO));
    }

    private LogPosition tick(LogRelay relay, LogPosition position, RecordingSink sink) {
        now = now.plus(TICK);
        fake.advanceMillis(TICK.toMillis());
        return relay.poll(position, sink, now);
    }

    @Test
    void linesOfTwoStreamsComeInTimeOrder() {
        fake.append(ALGO_1, 1_000, "a1");
        fake.append(ALGO_2, 1_500, "b1");
        fake.append(ALGO_1, 2_000, "a2");
        fake.append(ALGO_2, 2_500, "b2");
        RecordingSink sink = new RecordingSink();

        relay(LogRelayOptions.defaults()).poll(LogPosition.start(), sink, now);

        assertThat(sink.lines).containsExactly("[algo-1] a1", "[algo-2] b1", "[algo-1] a2", "[algo-2] b2");
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void lateStreamWithOlderLinesIsPrinted() {
        fake.append(ALGO_1, 5_000, "first host");
        LogRelay relay = relay(LogRelayOptions.defaults().withExpectedStreams(2));
        RecordingSink sink = new RecordingSink();
        LogPosition position = relay.poll(LogPosition.start(), sink, now);

        fake.append(ALGO_2, 1_000, "late host, old time");
        for (int i = 0; i < 4; i++) {
            position = tick(relay, position, sink);
        }

        assertThat(sink.lines).containsExactly("[algo-1] first host", "[algo-2] late host, old time");
        assertThat(position.streamNames()).containsExactly(ALGO_1, ALGO_2);
    }

    @Test
    void sixtyStreamsAreFoundAcrossPages() {
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 60; i++) {
            String stream = JOB + "/algo-" + i + "-1700000000";
            fake.append(stream, i, "line of host " + i);
            expected.add("[algo-" + i + "] line of host " + i);
        }
        RecordingSink sink = new RecordingSink();

        LogPosition position = relay(LogRelayOptions.defaults()).poll(LogPosition.start(), sink, now);

        assertThat(sink.lines).containsExactlyElementsOf(expected);
        assertThat(position.streamNames()).hasSize(60);
        assertThat(fake.calls("DescribeLogStreams")).isEqualTo(2);
    }

    @Test
    void emptyPageInStreamIsNotItsEnd() {
        fake.emptyPageBeforeEachPage(true);
        for (int i = 0; i < 5; i++) {
            fake.append(ALGO_1, i, "line " + i);
        }
        RecordingSink sink = new RecordingSink();

        relay(LogRelayOptions.defaults()).poll(LogPosition.start(), sink, now);

        assertThat(sink.lines).hasSize(5).last().isEqualTo("[algo-1] line 4");
    }

    @Test
    void drainReadsSmallAndEmptyPagesToEnd() {
        fake.emptyPageBeforeEachPage(true);
        fake.pageSize(3);
        for (int i = 0; i < 20; i++) {
            fake.append(ALGO_1, i, "line " + i);
        }
        RecordingSink sink = new RecordingSink();

        LogPosition position = relay(LogRelayOptions.defaults()).drain(LogPosition.start(), sink, now);

        assertThat(sink.lines).hasSize(20).last().isEqualTo("[algo-1] line 19");
        assertThat(position.forwardToken(ALGO_1)).contains("f/20");
    }

    @Test
    void everyLineOnceOverManyPolls() {
        fake.pageSize(4);
        LogRelay relay = relay(LogRelayOptions.defaults().withExpectedStreams(1));
        RecordingSink sink = new RecordingSink();
        LogPosition position = LogPosition.start();
        List<String> expected = new ArrayList<>();

        for (int i = 0; i < 30; i++) {
            fake.append(ALGO_1, i * 10L, "step " + i);
            expected.add("[algo-1] step " + i);
            position = tick(relay, position, sink);
        }
        position = relay.drain(position, sink, now);

        assertThat(sink.lines).containsExactlyElementsOf(expected);
    }

    @Test
    void resumedPositionContinuesWithoutGapOrRepeat() throws Exception {
        fake.pageSize(3);
        for (int i = 0; i < 10; i++) {
            fake.append(ALGO_1, i, "a" + i);
            fake.append(ALGO_2, i, "b" + i);
        }
        LogRelayOptions options = LogRelayOptions.defaults().withExpectedStreams(2);

        RecordingSink resumed = new RecordingSink();
        LogPosition position = relay(options).poll(LogPosition.start(), resumed, now);
        LogPosition restored = roundTrip(position);
        LogPosition end = relay(options).drain(restored, resumed, now.plus(TICK));

        RecordingSink uninterrupted = new RecordingSink();
        LogRelay relay = relay(options);
        relay.drain(relay.poll(LogPosition.start(), uninterrupted, now), uninterrupted, now.plus(TICK));

        assertThat(restored).isEqualTo(position);
        assertThat(resumed.lines).hasSize(20).containsExactlyElementsOf(uninterrupted.lines);
        assertThat(end.forwardToken(ALGO_1)).contains("f/10");
    }

    @Test
    void accessDeniedWarnsOnceAndTurnsRelayOff() {
        fake.append(ALGO_1, 1, "never shown");
        fake.fail("DescribeLogStreams", "AccessDeniedException");
        LogRelay relay = relay(LogRelayOptions.defaults());
        RecordingSink sink = new RecordingSink();

        LogPosition position = relay.poll(LogPosition.start(), sink, now);
        position = tick(relay, position, sink);
        position = relay.drain(position, sink, now);

        assertThat(position.disabled()).isTrue();
        assertThat(sink.lines).isEmpty();
        assertThat(sink.warnings).hasSize(1);
        assertThat(sink.warnings.get(0))
                .startsWith("Cannot read CloudWatch logs of job nightly-7: AccessDeniedException")
                .contains("the job is still followed by its status");
        assertThat(fake.calls("DescribeLogStreams")).isEqualTo(1);
        assertThat(fake.calls("GetLogEvents")).isZero();
    }

    @Test
    void accessDeniedOnReadKeepsLinesAlreadyFetched() {
        fake.append(ALGO_1, 1, "fetched before the denial");
        fake.append(ALGO_2, 2, "denied");
        fake.pass("GetLogEvents");
        fake.fail("GetLogEvents", "AccessDeniedException");
        RecordingSink sink = new RecordingSink();

        LogPosition position = relay(LogRelayOptions.defaults()).poll(LogPosition.start(), sink, now);

        assertThat(position.disabled()).isTrue();
        assertThat(sink.lines).containsExactly("[algo-1] fetched before the denial");
        assertThat(sink.warnings).hasSize(1);
    }

    @Test
    void missingLogGroupIsNoWarning() {
        fake.groupExists(false);
        LogRelay relay = relay(LogRelayOptions.defaults());
        RecordingSink sink = new RecordingSink();

        LogPosition position = relay.poll(LogPosition.start(), sink, now);
        position = tick(relay, position, sink);
        fake.groupExists(true);
        fake.append(ALGO_1, 1, "group exists now");
        for (int i = 0; i < 3; i++) {
            position = tick(relay, position, sink);
        }

        assertThat(sink.warnings).isEmpty();
        assertThat(position.disabled()).isFalse();
        assertThat(sink.lines).containsExactly("[algo-1] group exists now");
    }

    @Test
    void throttledReadIsRetriedLaterWithoutLoss() {
        fake.append(ALGO_1, 1, "one");
        fake.fail("GetLogEvents", "ThrottlingException");
        LogRelay relay = relay(LogRelayOptions.defaults());
        RecordingSink sink = new RecordingSink();

        LogPosition position = relay.poll(LogPosition.start(), sink, now);
        assertThat(sink.lines).isEmpty();
        position = tick(relay, position, sink);

        assertThat(sink.lines).containsExactly("[algo-1] one");
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void throttledDiscoveryBacksOff() {
        fake.append(ALGO_1, 1, "one");
        fake.fail("DescribeLogStreams", "ThrottlingException");
        LogRelay relay = relay(LogRelayOptions.defaults());
        RecordingSink sink = new RecordingSink();

        LogPosition position = relay.poll(LogPosition.start(), sink, now);
        LogPosition same = relay.poll(position, sink, now.plusSeconds(1));
        position = tick(relay, same, sink);

        assertThat(fake.calls("DescribeLogStreams")).isEqualTo(2);
        assertThat(sink.lines).containsExactly("[algo-1] one");
        assertThat(sink.warnings).isEmpty();
    }

    @Test
    void repeatedServerErrorsWarnOnce() {
        fake.append(ALGO_1, 1, "one");
        for (int i = 0; i < 5; i++) {
            fake.fail("DescribeLogStreams", "ServiceUnavailableException");
        }
        LogRelay relay = relay(LogRelayOptions.defaults().withIntervals(
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)));
        RecordingSink sink = new RecordingSink();
        LogPosition position = LogPosition.start();

        for (int i = 0; i < 7; i++) {
            position = tick(relay, position, sink);
        }

        assertThat(sink.warnings).hasSize(1);
        assertThat(sink.warnings.get(0)).contains("failed 3 times in a row").contains("ServiceUnavailableException");
        assertThat(sink.lines).containsExactly("[algo-1] one");
        assertThat(position.disabled()).isFalse();
    }

    @Test
    void unchangedStreamIsNotRead() {
        fake.append(ALGO_1, 1, "one");
        LogRelay relay = relay(LogRelayOptions.defaults().withExpectedStreams(1).withIntervals(
                Duration.ofSeconds(10), Duration.ofMinutes(1), Duration.ofSeconds(30)));
        RecordingSink sink = new RecordingSink();
        LogPosition position = relay.poll(LogPosition.start(), sink, now);
        position = tick(relay, position, sink);
        int readsAtEnd = fake.calls("GetLogEvents");

        for (int i = 0; i < 20; i++) {
            position = tick(relay, position, sink);
        }
        int idleReads = fake.calls("GetLogEvents") - readsAtEnd;
        fake.append(ALGO_1, 2, "two");
        position = tick(relay, position, sink);
        position = tick(relay, position, sink);

        assertThat(readsAtEnd).isEqualTo(2);
        // Discovery runs every 30 s at most here and proves on each run that nothing was ingested.
        assertThat(idleReads).isZero();
        assertThat(sink.lines).containsExactly("[algo-1] one", "[algo-1] two");
    }

    @Test
    void growingStreamCostsOneReadPerPoll() {
        LogRelay relay = relay(LogRelayOptions.defaults().withExpectedStreams(1));
        RecordingSink sink = new RecordingSink();
        fake.append(ALGO_1, 0, "start");
        LogPosition position = relay.poll(LogPosition.start(), sink, now);
        int before = fake.calls("GetLogEvents");

        for (int i = 1; i <= 10; i++) {
            fake.append(ALGO_1, i, "step " + i);
            position = tick(relay, position, sink);
        }

        assertThat(sink.lines).hasSize(11);
        assertThat(fake.calls("GetLogEvents") - before).isEqualTo(10);
    }

    @Test
    void pollStopsAtEventBudget() {
        for (int i = 0; i < 25; i++) {
            fake.append(ALGO_1, i, "line " + i);
        }
        LogRelay relay = relay(LogRelayOptions.defaults().withMaxEventsPerPoll(10));
        RecordingSink sink = new RecordingSink();

        LogPosition position = relay.poll(LogPosition.start(), sink, now);
        int first = sink.lines.size();
        relay.drain(position, sink, now);

        assertThat(first).isEqualTo(25);
        assertThat(sink.lines).hasSize(25);
    }

    @Test
    void drainInRoundsKeepsEveryLineOnce() {
        fake.pageSize(5);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            fake.append(ALGO_1, 2L * i, "a" + i);
            fake.append(ALGO_2, 2L * i + 1, "b" + i);
            expected.add("[algo-1] a" + i);
            expected.add("[algo-2] b" + i);
        }
        LogRelay relay = relay(LogRelayOptions.defaults().withMaxEventsPerPoll(10));
        RecordingSink sink = new RecordingSink();

        relay.drain(LogPosition.start(), sink, now);

        assertThat(sink.lines).hasSize(50).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(sink.lines.stream().filter(line -> line.startsWith("[algo-1]")))
                .containsExactlyElementsOf(expected.stream().filter(line -> line.startsWith("[algo-1]")).toList());
    }

    private static LogPosition roundTrip(LogPosition position) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(position);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (LogPosition) in.readObject();
        }
    }
}
