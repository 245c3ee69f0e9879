package io.jenkins.plugins.sagemaker.emulator;

import static io.jenkins.plugins.sagemaker.emulator.TrainingJobRequests.BUCKET;
import static io.jenkins.plugins.sagemaker.emulator.TrainingJobRequests.TRAINING_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudwatchlogs.model.CloudWatchLogsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.DescribeLogStreamsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilterLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.FilteredLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.GetLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.LogStream;
import software.amazon.awssdk.services.cloudwatchlogs.model.OutputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;

class CloudWatchLogsTest {

    private static final String GROUP = "/aws/sagemaker/TrainingJobs";
    private static final Instant CREATED = Instant.parse("2025-03-01T10:00:00Z");
    /** TrainingStartTime of a default plan: Starting lasts 60 s. */
    private static final long DOWNLOADING_START_SECONDS = CREATED.getEpochSecond() + 60;

    private SageMakerEmulator emulator;
    private AwsClients clients;
    private ManualClock clock;

    @BeforeEach
    void startEmulator() {
        clock = EmulatorClock.manual(CREATED);
        emulator = SageMakerEmulator.start(EmulatorConfig.builder().clock(clock).build());
        clients = new AwsClients(emulator);
        emulator.createBucket(BUCKET);
        emulator.putObject(BUCKET, TRAINING_PREFIX + "part-0.csv", "1,2\n".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopEmulator() {
        clients.close();
        emulator.close();
    }

    @Test
    void streamsAppearWithDownloading() {
        createJob("log-job", 1);

        assertThat(describeStreams("log-job/", null).logStreams()).isEmpty();

        clock.advance(Duration.ofSeconds(60));
        List<LogStream> streams = describeStreams("log-job/", null).logStreams();
        assertThat(streams).extracting(LogStream::logStreamName).containsExactly("log-job/algo-1-" + DOWNLOADING_START_SECONDS);
        assertThat(streams.get(0).creationTime()).isEqualTo(DOWNLOADING_START_SECONDS * 1000);
        assertThat(streams.get(0).firstEventTimestamp()).isNull();
    }

    @Test
    void sixtyStreamsArePaged() {
        createJob("wide-job", 60);
        clock.advance(Duration.ofSeconds(100));

        DescribeLogStreamsResponse first = describeStreams("wide-job/", null);
        DescribeLogStreamsResponse second = describeStreams("wide-job/", first.nextToken());

        assertThat(first.logStreams()).hasSize(50);
        assertThat(first.nextToken()).isNotNull();
        assertThat(second.logStreams()).hasSize(10);
        assertThat(second.nextToken()).isNull();
        List<String> names = new ArrayList<>();
        first.logStreams().forEach(stream -> names.add(stream.logStreamName()));
        second.logStreams().forEach(stream -> names.add(stream.logStreamName()));
        assertThat(names).doesNotHaveDuplicates().isSorted().hasSize(60)
                .contains("wide-job/algo-1-" + DOWNLOADING_START_SECONDS, "wide-job/algo-60-" + DOWNLOADING_START_SECONDS);
    }

    @Test
    void streamsOrderByLastEventTime() {
        emulator.planJobs("late-", JobPlan.builder().logStreamDelay(1, Duration.ofSeconds(10)).build());
        createJob("early-job", 1);
        clock.advance(Duration.ofSeconds(30));
        createJob("late-job", 1);
        clock.advance(Duration.ofMinutes(4));

        List<LogStream> streams = clients.logs.describeLogStreams(request -> request.logGroupName(GROUP)
                .orderBy("LastEventTime").descending(true)).logStreams();

        assertThat(streams).extracting(LogStream::logStreamName).first().asString().startsWith("late-job/");
        assertThatThrownBy(() -> clients.logs.describeLogStreams(request -> request.logGroupName(GROUP)
                .orderBy("LastEventTime").logStreamNamePrefix("late-job/")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void eventsBecomeVisibleWithClock() {
        createJob("follow-job", 1);
        String stream = "follow-job/algo-1-" + DOWNLOADING_START_SECONDS;
        clock.advance(Duration.ofSeconds(60));

        GetLogEventsResponse empty = getEvents(stream, null);
        assertThat(empty.events()).isEmpty();

        clock.advance(Duration.ofSeconds(15));
        GetLogEventsResponse first = getEvents(stream, empty.nextForwardToken());
        assertThat(first.events()).extracting(OutputLogEvent::message)
                .containsExactly("Downloading input data for channels [train] on algo-1");
        assertThat(first.events().get(0).timestamp()).isEqualTo((DOWNLOADING_START_SECONDS + 15) * 1000);
        assertThat(first.events().get(0).ingestionTime()).isNotNull();

        GetLogEventsResponse atEnd = getEvents(stream, first.nextForwardToken());
        assertThat(atEnd.events()).isEmpty();
        assertThat(atEnd.nextForwardToken()).isEqualTo(first.nextForwardToken());

        clock.advance(Duration.ofMinutes(3));
        GetLogEventsResponse rest = getEvents(stream, atEnd.nextForwardToken());
        assertThat(rest.events()).extracting(OutputLogEvent::message).containsExactly(
                "Invoking training on algo-1 of 1 host(s), SM_CURRENT_HOST=algo-1",
                "#quality_metric: host=algo-1, epoch=1, train:loss <loss>=0.7",
                "#quality_metric: host=algo-1, epoch=2, train:loss <loss>=0.45",
                "#quality_metric: host=algo-1, epoch=3, train:loss <loss>=0.25",
                "Training finished on algo-1, saving the model to /opt/ml/model");
        assertThat(rest.events()).extracting(OutputLogEvent::timestamp).isSorted();
        assertThat(getEvents(stream, rest.nextForwardToken()).nextForwardToken()).isEqualTo(rest.nextForwardToken());
    }

    @Test
    void withoutTokenLatestEventsComeFirst() {
        emulator.planJobs("many-", JobPlan.builder().logLines(1, lines("line", 30)).build());
        createJob("many-lines", 1);
        clock.advance(Duration.ofMinutes(5));
        String stream = "many-lines/algo-1-" + DOWNLOADING_START_SECONDS;

        GetLogEventsResponse tail = clients.logs.getLogEvents(request -> request.logGroupName(GROUP).logStreamName(stream).limit(10));
        assertThat(tail.events()).extracting(OutputLogEvent::message).first().isEqualTo("line 20");
        assertThat(tail.events()).extracting(OutputLogEvent::message).last().isEqualTo("line 29");

        GetLogEventsResponse before = clients.logs.getLogEvents(request -> request.logGroupName(GROUP).logStreamName(stream)
                .limit(10).nextToken(tail.nextBackwardToken()));
        assertThat(before.events()).extracting(OutputLogEvent::message).containsExactlyElementsOf(lines("line", 30).subList(10, 20));
    }

    @Test
    void manyLinesArePagedForward() {
        emulator.planJobs("huge-", JobPlan.builder().logLines(1, lines("event", 25_000)).build());
        createJob("huge-log", 1);
        clock.advance(Duration.ofMinutes(5));
        String stream = "huge-log/algo-1-" + DOWNLOADING_START_SECONDS;

        List<String> messages = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        String token = null;
        while (true) {
            GetLogEventsResponse page = getEvents(stream, token);
            if (page.nextForwardToken().equals(token)) {
                break;
            }
            page.events().forEach(event -> messages.add(event.message()));
            pageSizes.add(page.events().size());
            token = page.nextForwardToken();
        }

        assertThat(pageSizes).containsExactly(10_000, 10_000, 5_000);
        assertThat(messages).containsExactlyElementsOf(lines("event", 25_000));
    }

    @Test
    void longLinesAreCappedAtOneMegabyte() {
        String line = "x".repeat(250_000);
        emulator.planJobs("wide-", JobPlan.builder().logLines(1, List.of(line, line, line, line, line, line)).build());
        createJob("wide-lines", 1);
        clock.advance(Duration.ofMinutes(5));
        String stream = "wide-lines/algo-1-" + DOWNLOADING_START_SECONDS;

        GetLogEventsResponse first = getEvents(stream, null);
        GetLogEventsResponse second = getEvents(stream, first.nextForwardToken());

        // 4 events of 250,000 bytes plus 26 bytes each fit into 1,048,576 bytes, but 5 do not.
        assertThat(first.events()).hasSize(4);
        assertThat(first.events().get(0).message()).hasSize(250_000);
        assertThat(second.events()).hasSize(2);
    }

    @Test
    void delayedStreamStartsLater() {
        emulator.planJobs("delayed-", JobPlan.builder().logStreamDelay(2, Duration.ofSeconds(60)).build());
        createJob("delayed-job", 2);
        long trainingStartSeconds = DOWNLOADING_START_SECONDS + 30;

        clock.advance(Duration.ofSeconds(90 + 59));
        assertThat(describeStreams("delayed-job/", null).logStreams()).extracting(LogStream::logStreamName)
                .containsExactly("delayed-job/algo-1-" + DOWNLOADING_START_SECONDS);

        clock.advance(Duration.ofSeconds(1));
        assertThat(describeStreams("delayed-job/", null).logStreams()).extracting(LogStream::logStreamName)
                .containsExactly("delayed-job/algo-1-" + DOWNLOADING_START_SECONDS, "delayed-job/algo-2-" + (trainingStartSeconds + 60));
    }

    @Test
    void metricsFollowVisibleLines() {
        createJob("metric-job", 2);

        clock.advance(Duration.ofSeconds(90 + 40));
        assertThat(describe("metric-job").finalMetricDataList()).singleElement()
                .satisfies(metric -> assertThat(metric.value()).isEqualTo(0.7f));

        clock.advance(Duration.ofMinutes(3));
        DescribeTrainingJobResponse completed = describe("metric-job");
        List<MetricData> metrics = completed.finalMetricDataList();
        assertThat(metrics).singleElement().satisfies(metric -> {
            assertThat(metric.metricName()).isEqualTo("train:loss");
            assertThat(metric.value()).isEqualTo(0.25f);
            assertThat(metric.timestamp()).isEqualTo(Instant.ofEpochSecond(DOWNLOADING_START_SECONDS + 30 + 80));
        });
    }

    @Test
    void failedJobEndsWithTraceback() {
        emulator.planJobs("crash-", JobPlan.builder().failIn("Training", "AlgorithmError: ValueError: bad input").build());
        createJob("crash-job", 1);
        clock.advance(Duration.ofMinutes(5));

        GetLogEventsResponse events = getEvents("crash-job/algo-1-" + DOWNLOADING_START_SECONDS, null);

        assertThat(events.events()).extracting(OutputLogEvent::message).contains("Traceback (most recent call last):");
        assertThat(events.events()).extracting(OutputLogEvent::message).last().isEqualTo("AlgorithmError: ValueError: bad input");
    }

    @Test
    void stoppedJobWritesNoMoreLines() {
        createJob("halt-job", 1);
        clock.advance(Duration.ofSeconds(90 + 45));
        clients.sageMaker.stopTrainingJob(request -> request.trainingJobName("halt-job"));

        clock.advance(Duration.ofMinutes(5));

        assertThat(getEvents("halt-job/algo-1-" + DOWNLOADING_START_SECONDS, null).events()).extracting(OutputLogEvent::message)
                .containsExactly("Downloading input data for channels [train] on algo-1",
                        "Invoking training on algo-1 of 1 host(s), SM_CURRENT_HOST=algo-1",
                        "#quality_metric: host=algo-1, epoch=1, train:loss <loss>=0.7");
    }

    @Test
    void filterMergesStreamsInTimeOrder() {
        createJob("filter-job", 3);
        clock.advance(Duration.ofMinutes(5));

        FilterLogEventsResponse response = clients.logs.filterLogEvents(request -> request.logGroupName(GROUP)
                .logStreamNamePrefix("filter-job/").filterPattern("\"epoch=3\""));

        assertThat(response.events()).extracting(FilteredLogEvent::message).containsExactly(
                "#quality_metric: host=algo-1, epoch=3, train:loss <loss>=0.25",
                "#quality_metric: host=algo-2, epoch=3, train:loss <loss>=0.25",
                "#quality_metric: host=algo-3, epoch=3, train:loss <loss>=0.25");
        assertThat(response.events()).extracting(FilteredLogEvent::eventId).doesNotHaveDuplicates();
        assertThat(response.nextToken()).isNull();
    }

    @Test
    void filterPagesWithToken() {
        createJob("paged-filter", 2);
        clock.advance(Duration.ofMinutes(5));

        FilterLogEventsResponse first = clients.logs.filterLogEvents(request -> request.logGroupName(GROUP)
                .logStreamNames("paged-filter/algo-2-" + DOWNLOADING_START_SECONDS).limit(4));
        FilterLogEventsResponse second = clients.logs.filterLogEvents(request -> request.logGroupName(GROUP)
                .logStreamNames("paged-filter/algo-2-" + DOWNLOADING_START_SECONDS).limit(4).nextToken(first.nextToken()));

        assertThat(first.events()).hasSize(4);
        assertThat(second.events()).hasSize(2);
        assertThat(second.nextToken()).isNull();
        assertThatThrownBy(() -> clients.logs.filterLogEvents(request -> request.logGroupName(GROUP)
                .logStreamNames("a").logStreamNamePrefix("b")))
                .isInstanceOf(InvalidParameterException.class);
    }

    @Test
    void unknownGroupAndStreamAreNotFound() {
        assertThatThrownBy(() -> clients.logs.describeLogStreams(request -> request.logGroupName("/aws/other")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> getEvents("missing/algo-1-1", null))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("The specified log stream does not exist."));
        assertThatThrownBy(() -> clients.logs.getLogEvents(request -> request.logGroupName(GROUP).logStreamName("x").limit(10_001)))
                .isInstanceOf(CloudWatchLogsException.class);
    }

    @Test
    void callsAreCounted() {
        createJob("count-job", 1);
        clock.advance(Duration.ofMinutes(2));

        getEvents("count-job/algo-1-" + DOWNLOADING_START_SECONDS, null);
        getEvents("count-job/algo-1-" + DOWNLOADING_START_SECONDS, null);

        assertThat(emulator.callCount("GetLogEvents")).isEqualTo(2);
        assertThat(emulator.calls()).containsExactly("CreateTrainingJob", "GetLogEvents", "GetLogEvents");
    }

    private void createJob(String name, int instanceCount) {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob(name)
                .resourceConfig(c -> c.instanceType("ml.m5.xlarge").instanceCount(instanceCount).volumeSizeInGB(10))
                .build());
    }

    private DescribeTrainingJobResponse describe(String name) {
        return clients.sageMaker.describeTrainingJob(request -> request.trainingJobName(name));
    }

    private DescribeLogStreamsResponse describeStreams(String prefix, String token) {
        return clients.logs.describeLogStreams(request -> request.logGroupName(GROUP).logStreamNamePrefix(prefix).nextToken(token));
    }

    private GetLogEventsResponse getEvents(String stream, String token) {
        return clients.logs.getLogEvents(request -> request.logGroupName(GROUP).logStreamName(stream).startFromHead(true).nextToken(token));
    }

    private static List<String> lines(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + " " + i).toList();
    }
}
