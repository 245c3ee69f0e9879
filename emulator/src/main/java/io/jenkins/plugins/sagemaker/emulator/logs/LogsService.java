package io.jenkins.plugins.sagemaker.emulator.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sagemaker.emulator.protocol.ApiException;
import io.jenkins.plugins.sagemaker.emulator.protocol.Json;
import io.jenkins.plugins.sagemaker.emulator.protocol.PageTokens;
import io.jenkins.plugins.sagemaker.emulator.sagemaker.TrainingJobService;
import io.jenkins.plugins.sagemaker.emulator.sagemaker.TrainingJobService.StreamView;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CloudWatch Logs operations over the training jobs' log group: DescribeLogStreams, GetLogEvents and
 * FilterLogEvents, with the limits and token behaviour of the CloudWatch Logs API reference.
 */
public final class LogsService {

    public static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";

    /** CloudWatch Logs caps a GetLogEvents or FilterLogEvents response at 1 MB, counting 26 bytes per event plus the message. */
    static final int MAX_RESPONSE_BYTES = 1_048_576;
    static final int EVENT_OVERHEAD_BYTES = 26;

    private static final int DESCRIBE_DEFAULT_LIMIT = 50;
    private static final int EVENTS_DEFAULT_LIMIT = 10_000;
    private static final Pattern EVENT_TOKEN = Pattern.compile("([fb])/(\\d{56})");

    private final String region;
    private final String accountId;
    private final TrainingJobService jobs;

    public LogsService(String region, String accountId, TrainingJobService jobs) {
        this.region = region;
        this.accountId = accountId;
        this.jobs = jobs;
    }

    /** Handles DescribeLogStreams: prefix, orderBy LogStreamName or LastEventTime, descending, limit 1 to 50, nextToken. */
    public ObjectNode describeLogStreams(JsonNode request) {
        requireGroup(request);
        String prefix = Json.text(request, "logStreamNamePrefix", "logStreamNamePrefix");
        String orderBy = Optional.ofNullable(Json.text(request, "orderBy", "orderBy")).orElse("LogStreamName");
        boolean descending = Boolean.TRUE.equals(Json.bool(request, "descending", "descending"));
        int limit = limit(request, DESCRIBE_DEFAULT_LIMIT, 50);
        int offset = PageTokens.decode(Json.text(request, "nextToken", "nextToken"), "InvalidParameterException", "nextToken");
        if (!orderBy.equals("LogStreamName") && !orderBy.equals("LastEventTime")) {
            throw invalidParameter("orderBy must be LogStreamName or LastEventTime, got " + orderBy + ".");
        }
        if (orderBy.equals("LastEventTime") && prefix != null) {
            throw invalidParameter("Cannot order by LastEventTime with a logStreamNamePrefix.");
        }

        List<StreamView> streams = new ArrayList<>();
        for (StreamView view : jobs.visibleLogStreams()) {
            if (prefix == null || view.stream().name().startsWith(prefix)) {
                streams.add(view);
            }
        }
        Comparator<StreamView> order = orderBy.equals("LogStreamName")
                ? Comparator.comparing(view -> view.stream().name())
                : Comparator.comparingLong((StreamView view) -> lastEventTime(view)).thenComparing(view -> view.stream().name());
        if (descending) {
            order = order.reversed();
        }
        streams.sort(order);

        ObjectNode response = Json.object();
        ArrayNode streamsJson = response.putArray("logStreams");
        int end = Math.min(streams.size(), offset + limit);
        for (int i = offset; i < end; i++) {
            streamsJson.add(streamJson(streams.get(i)));
        }
        if (end < streams.size()) {
            response.put("nextToken", PageTokens.encode(end));
        }
        return response;
    }

    /**
     * Handles GetLogEvents. Tokens are {@code f/<position>} (read forward from there) and {@code b/<position>}
     * (read backward from there), with the position zero-padded to 56 digits like CloudWatch's own tokens.
     * At the end of the stream nextForwardToken is the token that was passed in.
     */
    public ObjectNode getLogEvents(JsonNode request) {
        requireGroup(request);
        String streamName = Json.text(request, "logStreamName", "logStreamName");
        if (streamName == null) {
            throw invalidParameter("logStreamName is required.");
        }
        Long startTime = Json.longValue(request, "startTime", "startTime");
        Long endTime = Json.longValue(request, "endTime", "endTime");
        int limit = limit(request, EVENTS_DEFAULT_LIMIT, EVENTS_DEFAULT_LIMIT);
        String token = Json.text(request, "nextToken", "nextToken");
        boolean startFromHead = Boolean.TRUE.equals(Json.bool(request, "startFromHead", "startFromHead"));

        StreamView view = jobs.visibleLogStreams().stream()
                .filter(candidate -> candidate.stream().name().equals(streamName))
                .findFirst()
                .orElseThrow(() -> new ApiException(400, "ResourceNotFoundException", "The specified log stream does not exist."));
        List<LogEvent> events = view.stream().events();
        int visible = view.stream().visibleCount(view.cutoffMillis());
        // The time window [startTime, endTime) is a contiguous range of the sorted events: [low, high).
        int low = startTime == null ? 0 : firstAtOrAfter(events, startTime, visible);
        int high = endTime == null ? visible : firstAtOrAfter(events, endTime, visible);
        high = Math.max(low, high);

        boolean forward;
        int position;
        if (token != null) {
            Matcher matcher = EVENT_TOKEN.matcher(token);
            if (!matcher.matches()) {
                throw invalidParameter("The specified nextToken is invalid.");
            }
            forward = matcher.group(1).equals("f");
            BigInteger tokenPosition = new BigInteger(matcher.group(2));
            position = (int) Math.min(Math.max(tokenPosition.min(BigInteger.valueOf(high)).longValue(), low), high);
        } else {
            forward = startFromHead;
            position = forward ? low : high;
        }

        int from;
        int to;
        if (forward) {
            from = position;
            to = from;
            long bytes = 0;
            while (to < Math.min(high, from + limit)) {
                bytes += eventBytes(events.get(to));
                if (bytes > MAX_RESPONSE_BYTES && to > from) {
                    break;
                }
                to++;
            }
        } else {
            to = position;
            from = to;
            long bytes = 0;
            while (from > Math.max(low, to - limit)) {
                bytes += eventBytes(events.get(from - 1));
                if (bytes > MAX_RESPONSE_BYTES && from < to) {
                    break;
                }
                from--;
            }
        }

        ObjectNode response = Json.object();
        ArrayNode eventsJson = response.putArray("events");
        for (int i = from; i < to; i++) {
            LogEvent event = events.get(i);
            ObjectNode eventJson = eventsJson.addObject();
            eventJson.put("timestamp", event.timestamp());
            eventJson.put("message", event.message());
            eventJson.put("ingestionTime", event.timestamp());
        }
        boolean forwardAtEnd = forward && from == to && token != null && token.startsWith("f/");
        response.put("nextForwardToken", forwardAtEnd ? token : eventToken('f', to));
        response.put("nextBackwardToken", eventToken('b', from));
        return response;
    }

    /** Handles FilterLogEvents: stream names or prefix, [startTime, endTime], a plain-term filterPattern, limit and paging. */
    public ObjectNode filterLogEvents(JsonNode request) {
        requireGroup(request);
        String prefix = Json.text(request, "logStreamNamePrefix", "logStreamNamePrefix");
        JsonNode names = request.get("logStreamNames");
        if (prefix != null && names != null && !names.isNull()) {
            throw invalidParameter("logStreamNames and logStreamNamePrefix are mutually exclusive; pass only one of them.");
        }
        List<String> streamNames = new ArrayList<>();
        if (names != null && !names.isNull()) {
            names.forEach(name -> streamNames.add(name.asText()));
            if (streamNames.isEmpty() || streamNames.size() > 100) {
                throw invalidParameter("logStreamNames must contain 1 to 100 names, got " + streamNames.size() + ".");
            }
        }
        Long startTime = Json.longValue(request, "startTime", "startTime");
        Long endTime = Json.longValue(request, "endTime", "endTime");
        FilterPattern pattern = FilterPattern.parse(Json.text(request, "filterPattern", "filterPattern"));
        int limit = limit(request, EVENTS_DEFAULT_LIMIT, EVENTS_DEFAULT_LIMIT);
        int offset = PageTokens.decode(Json.text(request, "nextToken", "nextToken"), "InvalidParameterException", "nextToken");

        List<StreamView> searched = new ArrayList<>();
        List<StreamEvent> matches = new ArrayList<>();
        for (StreamView view : jobs.visibleLogStreams()) {
            String name = view.stream().name();
            boolean selected = streamNames.isEmpty() ? prefix == null || name.startsWith(prefix) : streamNames.contains(name);
            if (!selected) {
                continue;
            }
            searched.add(view);
            List<LogEvent> events = view.stream().events();
            int visible = view.stream().visibleCount(view.cutoffMillis());
            for (int i = 0; i < visible; i++) {
                LogEvent event = events.get(i);
                boolean inWindow = (startTime == null || event.timestamp() >= startTime) && (endTime == null || event.timestamp() <= endTime);
                if (inWindow && pattern.matches(event.message())) {
                    matches.add(new StreamEvent(name, i, event));
                }
            }
        }
        // Newly visible events always have later timestamps than every earlier one, so offsets into this order stay valid.
        matches.sort(Comparator.comparingLong((StreamEvent match) -> match.event().timestamp())
                .thenComparing(StreamEvent::streamName)
                .thenComparingInt(StreamEvent::index));

        ObjectNode response = Json.object();
        ArrayNode eventsJson = response.putArray("events");
        int end = offset;
        long bytes = 0;
        while (end < Math.min(matches.size(), offset + limit)) {
            bytes += eventBytes(matches.get(end).event());
            if (bytes > MAX_RESPONSE_BYTES && end > offset) {
                break;
            }
            StreamEvent match = matches.get(end);
            ObjectNode eventJson = eventsJson.addObject();
            eventJson.put("logStreamName", match.streamName());
            eventJson.put("timestamp", match.event().timestamp());
            eventJson.put("message", match.event().message());
            eventJson.put("ingestionTime", match.event().timestamp());
            eventJson.put("eventId", eventId(match));
            end++;
        }
        ArrayNode searchedJson = response.putArray("searchedLogStreams");
        for (StreamView view : searched) {
            searchedJson.addObject().put("logStreamName", view.stream().name()).put("searchedCompletely", true);
        }
        if (end < matches.size()) {
            response.put("nextToken", PageTokens.encode(end));
        }
        return response;
    }

    private record StreamEvent(String streamName, int index, LogEvent event) {
    }

    private ObjectNode streamJson(StreamView view) {
        LogStream stream = view.stream();
        ObjectNode json = Json.object();
        json.put("logStreamName", stream.name());
        json.put("creationTime", stream.creationTime());
        int visible = stream.visibleCount(view.cutoffMillis());
        if (visible > 0) {
            json.put("firstEventTimestamp", stream.events().get(0).timestamp());
            json.put("lastEventTimestamp", stream.events().get(visible - 1).timestamp());
            json.put("lastIngestionTime", stream.events().get(visible - 1).timestamp());
        }
        json.put("uploadSequenceToken", String.format("%056d", visible));
        json.put("arn", "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + LOG_GROUP + ":log-stream:" + stream.name());
        json.put("storedBytes", 0);
        return json;
    }

    private static long lastEventTime(StreamView view) {
        int visible = view.stream().visibleCount(view.cutoffMillis());
        return visible == 0 ? view.stream().creationTime() : view.stream().events().get(visible - 1).timestamp();
    }

    private static void requireGroup(JsonNode request) {
        String group = Json.text(request, "logGroupName", "logGroupName");
        if (group == null) {
            group = Json.text(request, "logGroupIdentifier", "logGroupIdentifier");
        }
        if (group == null) {
            throw invalidParameter("logGroupName is required.");
        }
        if (!group.equals(LOG_GROUP) && !group.endsWith(":log-group:" + LOG_GROUP)) {
            throw new ApiException(400, "ResourceNotFoundException", "The specified log group does not exist.");
        }
    }

    private static int limit(JsonNode request, int defaultValue, int max) {
        Integer limit = Json.integer(request, "limit", "limit");
        if (limit == null) {
            return defaultValue;
        }
        if (limit < 1 || limit > max) {
            throw invalidParameter("1 validation error detected: Value '" + limit
                    + "' at 'limit' failed to satisfy constraint: Member must have value between 1 and " + max);
        }
        return limit;
    }

    private static int firstAtOrAfter(List<LogEvent> events, long time, int visible) {
        int low = 0;
        int high = visible;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (events.get(middle).timestamp() < time) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        return low;
    }

    private static long eventBytes(LogEvent event) {
        return event.message().getBytes(StandardCharsets.UTF_8).length + (long) EVENT_OVERHEAD_BYTES;
    }

    private static String eventToken(char direction, int position) {
        return direction + "/" + String.format("%056d", position);
    }

    private static String eventId(StreamEvent match) {
        return String.format("%020d%06d%030d", match.event().timestamp(), Math.abs(match.streamName().hashCode()) % 1_000_000, match.index());
    }

    private static ApiException invalidParameter(String message) {
        return new ApiException(400, "InvalidParameterException", message);
    }
}
