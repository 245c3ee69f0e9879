package io.jenkins.plugins.sagemaker.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.jenkins.plugins.sagemaker.emulator.protocol.ApiException;
import io.jenkins.plugins.sagemaker.emulator.protocol.Json;
import io.jenkins.plugins.sagemaker.emulator.protocol.Operation;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * HTTP front end of the AWS JSON 1.1 protocol: POST / with {@code X-Amz-Target: <prefix>.<Operation>}.
 * It records each call, checks that an Authorization header is present (signatures are not verified),
 * applies injected faults and writes AWS-style errors.
 */
final class ApiServer implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(ApiServer.class.getName());
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Map<String, Operation>> operationsByTargetPrefix;
    private final Faults faults;
    private final Runnable beforeEachCall;
    private final List<String> calls = new ArrayList<>();

    private ApiServer(HttpServer server, ExecutorService executor, Map<String, Map<String, Operation>> operationsByTargetPrefix,
            Faults faults, Runnable beforeEachCall) {
        this.server = server;
        this.executor = executor;
        this.operationsByTargetPrefix = operationsByTargetPrefix;
        this.faults = faults;
        this.beforeEachCall = beforeEachCall;
    }

    /**
     * Starts the server.
     *
     * @param operationsByTargetPrefix operations per X-Amz-Target prefix, for example "SageMaker" or "Logs_20140328"
     * @param beforeEachCall runs before each operation, to bring job state up to the clock
     */
    static ApiServer start(String host, int port, Map<String, Map<String, Operation>> operationsByTargetPrefix, Faults faults,
            Runnable beforeEachCall) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("The SageMaker emulator could not listen on " + host + ":" + port, e);
        }
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "sagemaker-emulator-http-" + threadNumber.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        ApiServer apiServer = new ApiServer(server, executor, operationsByTargetPrefix, faults, beforeEachCall);
        server.createContext("/", apiServer::handle);
        server.setExecutor(executor);
        server.start();
        return apiServer;
    }

    URI endpoint() {
        InetSocketAddress address = server.getAddress();
        return URI.create("http://" + address.getHostString() + ":" + address.getPort());
    }

    synchronized List<String> calls() {
        return List.copyOf(calls);
    }

    synchronized int callCount(String operation) {
        int count = 0;
        for (String call : calls) {
            if (call.equals(operation)) {
                count++;
            }
        }
        return count;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) {
        String requestId = UUID.randomUUID().toString();
        try (exchange) {
            byte[] body;
            try (InputStream input = exchange.getRequestBody()) {
                body = input.readAllBytes();
            }
            ApiResult result = dispatch(exchange, body);
            write(exchange, requestId, result);
        } catch (IOException e) {
            // Usually a client that gave up (for example after its own timeout) and closed the connection.
            LOGGER.log(Level.FINE, "Request " + requestId + ": the connection failed before the response was written", e);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Request " + requestId + " to the SageMaker emulator failed", e);
            throw e;
        }
    }

    private record ApiResult(int status, ObjectNode body, String errorCode) {
    }

    private ApiResult dispatch(HttpExchange exchange, byte[] body) {
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        if (!"POST".equals(exchange.getRequestMethod()) || target == null) {
            return error(new ApiException(400, "UnknownOperationException",
                    "The emulator accepts only AWS JSON 1.1 requests: POST / with an X-Amz-Target header."));
        }
        int dot = target.lastIndexOf('.');
        String prefix = dot < 0 ? target : target.substring(0, dot);
        String operationName = dot < 0 ? "" : target.substring(dot + 1);
        synchronized (this) {
            calls.add(operationName);
        }

        if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
            return error(new ApiException(403, "MissingAuthenticationTokenException", "Missing Authentication Token"));
        }
        Operation operation = operationsByTargetPrefix.getOrDefault(prefix, Map.of()).get(operationName);
        if (operation == null) {
            return error(new ApiException(400, "UnknownOperationException", "The operation " + target + " is not supported by the emulator."));
        }

        Faults.Fault fault = faults.next(operationName);
        if (fault != null && fault.kind() == Faults.Kind.DELAY) {
            sleep(fault.delay().toMillis());
        }
        if (fault != null && fault.kind() == Faults.Kind.THROTTLE) {
            return error(new ApiException(400, "ThrottlingException", "Rate exceeded"));
        }
        if (fault != null && fault.kind() == Faults.Kind.SERVER_ERROR) {
            return error(internalFailure());
        }

        try {
            JsonNode request = body.length == 0 ? Json.object() : Json.MAPPER.readTree(body);
            if (request == null || !request.isObject()) {
                throw new ApiException(400, "SerializationException", "The request body must be a JSON object.");
            }
            beforeEachCall.run();
            ObjectNode response = operation.handle(request);
            if (fault != null && fault.kind() == Faults.Kind.LOSE_RESPONSE) {
                return error(internalFailure());
            }
            return new ApiResult(200, response, null);
        } catch (JsonProcessingException e) {
            return error(new ApiException(400, "SerializationException", "The request body is not valid JSON: " + e.getOriginalMessage()));
        } catch (IOException e) {
            return error(new ApiException(400, "SerializationException", "The request body could not be read: " + e.getMessage()));
        } catch (ApiException e) {
            return error(e);
        } catch (RuntimeException e) {
            LOGGER.log(Level.WARNING, "Operation " + target + " failed inside the emulator", e);
            return error(new ApiException(500, "InternalFailure", "The emulator failed: " + e));
        }
    }

    private static ApiException internalFailure() {
        return new ApiException(500, "InternalFailure", "We encountered an internal error. Please try again.");
    }

    private static ApiResult error(ApiException exception) {
        ObjectNode body = Json.object();
        body.put("__type", exception.errorCode());
        body.put("message", exception.getMessage());
        return new ApiResult(exception.httpStatus(), body, exception.errorCode());
    }

    private static void write(HttpExchange exchange, String requestId, ApiResult result) throws IOException {
        byte[] bytes = Json.MAPPER.writeValueAsBytes(result.body());
        exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
        exchange.getResponseHeaders().set("x-amzn-RequestId", requestId);
        if (result.errorCode() != null) {
            exchange.getResponseHeaders().set("x-amzn-ErrorType", result.errorCode());
        }
        exchange.sendResponseHeaders(result.status(), bytes.length);
        try (OutputStream output = exchange.getResponseBody()) {
            output.write(bytes);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
