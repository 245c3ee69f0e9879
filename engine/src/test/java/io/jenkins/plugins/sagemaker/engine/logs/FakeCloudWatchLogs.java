package io.jenkins.plugins.sagemaker.engine.logs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * A small CloudWatch Logs endpoint on loopback (JSON 1.1 protocol, DescribeLogStreams and
 * GetLogEvents only) for the cases the SageMaker emulator does not produce: AccessDeniedException,
 * empty pages in the middle of a stream and small pages. Its paging follows the documented rules:
 * GetLogEvents with startFromHead returns the token it was given when the stream has no more events.
 */
final class FakeCloudWatchLogs implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PASS = "pass";

    private final HttpServer server;
    private final Map<String, FakeStream> streams = new TreeMap<>();
    private final Map<String, Deque<String>> faults = new HashMap<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private boolean groupExists = true;
    private boolean emptyPageBeforeEachPage;
    private int pageSize = 10_000;
    private long nowMillis = 1_700_000_000_000L;

    private static final class FakeStream {
        final List<Long> times = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        long lastIngestionTime = -1;
    }

    FakeCloudWatchLogs() throws IOException {
        // Without TCP_NODELAY the JDK server and the client wait on delayed ACKs, about 40 ms a call.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Returns a client of this endpoint without SDK retries, so each fault is seen by the relay. */
    CloudWatchLogsClient client() {
        return CloudWatchLogsClient.builder()
                .endpointOverride(endpoint())
                .region(Region.US_EAST_2)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "test-secret-key")))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    synchronized void advanceMillis(long millis) {
        nowMillis += millis;
    }

    synchronized void groupExists(boolean value) {
        groupExists = value;
    }

    synchronized void emptyPageBeforeEachPage(boolean value) {
        emptyPageBeforeEachPage = value;
    }

    synchronized void pageSize(int value) {
        pageSize = value;
    }

    synchronized void createStream(String name) {
        streams.computeIfAbsent(name, key -> new FakeStream());
    }

    /** Appends an event and sets the stream's lastIngestionTime to the fake's current time. */
    synchronized void append(String stream, long timestamp, String message) {
        FakeStream target = streams.computeIfAbsent(stream, key -> new FakeStream());
        target.times.add(timestamp);
        target.messages.add(message);
        target.lastIngestionTime = nowMillis;
    }

    /** Makes the next call of an operation fail with this error code (HTTP 400). */
    synchronized void fail(String operation, String errorCode) {
        faults.computeIfAbsent(operation, key -> new ArrayDeque<>()).add(errorCode);
    }

    /** Lets the next call of an operation pass, before the faults added after this. */
    synchronized void pass(String operation) {
        faults.computeIfAbsent(operation, key -> new ArrayDeque<>()).add(PASS);
    }

    int calls(String operation) {
        AtomicInteger count = calls.get(operation);
        return count == null ? 0 : count.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String operation = target == null ? "" : target.substring(target.indexOf('.') + 1);
        calls.computeIfAbsent(operation, key -> new AtomicInteger()).incrementAndGet();
        JsonNode request = JSON.readTree(exchange.getRequestBody());
        int status = 200;
        ObjectNode body;
        synchronized (this) {
            Deque<String> pending = faults.get(operation);
            String fault = pending == null ? null : pending.poll();
            if (fault != null && !fault.equals(PASS)) {
                status = 400;
                body = error(fault, "Injected " + fault + " for " + operation);
            } else if (!groupExists) {
                status = 400;
                body = error("ResourceNotFoundException", "The specified log group does not exist.");
            } else if (operation.equals("DescribeLogStreams")) {
                body = describeLogStreams(request);
            } else if (operation.equals("GetLogEvents")) {
                body = getLogEvents(request);
            } else {
                status = 400;
                body = error("UnknownOperationException", operation);
            }
        }
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static ObjectNode error(String code, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", code);
        body.put("message", message);
        return body;
    }

    private ObjectNode describeLogStreams(JsonNode request) {
        String prefix = request.path("logStreamNamePrefix").asText("");
        int limit = request.path("limit").asInt(50);
        int from = request.hasNonNull("nextToken") ? Integer.parseInt(request.get("nextToken").asText()) : 0;
        List<String> names = new ArrayList<>();
        for (String name : streams.keySet()) {
            if (name.startsWith(prefix)) {
                names.add(name);
            }
        }
        ObjectNode body = JSON.createObjectNode();
        ArrayNode list = body.putArray("logStreams");
        int to = Math.min(names.size(), from + limit);
        for (String name : names.subList(from, to)) {
            FakeStream stream = streams.get(name);
            ObjectNode item = list.addObject();
            item.put("logStreamName", name);
            item.put("storedBytes", 0);
            if (stream.lastIngestionTime >= 0) {
                item.put("lastIngestionTime", stream.lastIngestionTime);
            }
        }
        if (to < names.size()) {
            body.put("nextToken", Integer.toString(to));
        }
        return body;
    }

    /** Tokens are {@code f/<index>}, and {@code f/<index>/e} after an injected empty page. */
    private ObjectNode getLogEvents(JsonNode request) {
        FakeStream stream = streams.get(request.path("logStreamName").asText());
        if (stream == null) {
            return error("ResourceNotFoundException", "The specified log stream does not exist.");
        }
        String token = request.hasNonNull("nextToken") ? request.get("nextToken").asText() : null;
        int from = 0;
        boolean afterEmpty = false;
        if (token != null) {
            String[] parts = token.split("/");
            from = Integer.parseInt(parts[1]);
            afterEmpty = parts.length > 2;
        }
        int limit = Math.min(request.path("limit").asInt(10_000), pageSize);
        int to = Math.min(stream.messages.size(), from + limit);

        ObjectNode body = JSON.createObjectNode();
        ArrayNode events = body.putArray("events");
        if (to > from && emptyPageBeforeEachPage && !afterEmpty) {
            body.put("nextForwardToken", "f/" + from + "/e");
            body.put("nextBackwardToken", "b/" + from);
            return body;
        }
        for (int i = from; i < to; i++) {
            ObjectNode event = events.addObject();
            event.put("timestamp", stream.times.get(i));
            event.put("message", stream.messages.get(i));
            event.put("ingestionTime", stream.lastIngestionTime);
        }
        String next = to == from && token != null ? token : "f/" + to;
        body.put("nextForwardToken", next);
        body.put("nextBackwardToken", "b/" + from);
        return body;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
