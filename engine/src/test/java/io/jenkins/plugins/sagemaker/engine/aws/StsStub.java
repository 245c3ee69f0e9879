package io.jenkins.plugins.sagemaker.engine.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stub of STS AssumeRole on 127.0.0.1: returns fixed session credentials and records each request's form parameters. */
final class StsStub implements AutoCloseable {

    static final String ASSUMED_ACCESS_KEY_ID = "ASIAIOSFODNN7EXAMPLE";

    private final HttpServer server;
    private final List<Map<String, String>> requests = Collections.synchronizedList(new ArrayList<>());
    private final Duration lifetime;

    StsStub() throws IOException {
        this(Duration.ofHours(1));
    }

    /** Returns, for each request, credentials that expire {@code lifetime} later. */
    StsStub(Duration lifetime) throws IOException {
        this.lifetime = lifetime;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Map<String, String>> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    private void answer(HttpExchange exchange) throws IOException {
        try (exchange) {
            String form;
            try (InputStream in = exchange.getRequestBody()) {
                form = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Map<String, String> parameters = new LinkedHashMap<>();
            for (String pair : form.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    parameters.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            requests.add(parameters);

            String expiration = Instant.now().plus(lifetime).truncatedTo(ChronoUnit.SECONDS).toString();
            String xml = "<AssumeRoleResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
                    + "<AssumeRoleResult><Credentials>"
                    + "<AccessKeyId>" + ASSUMED_ACCESS_KEY_ID + "</AccessKeyId>"
                    + "<SecretAccessKey>assumed-secret-key-example</SecretAccessKey>"
                    + "<SessionToken>assumed-session-token-example</SessionToken>"
                    + "<Expiration>" + expiration + "</Expiration>"
                    + "</Credentials><AssumedRoleUser>"
                    + "<Arn>arn:aws:sts::123456789012:assumed-role/trainer/session</Arn>"
                    + "<AssumedRoleId>AROAEXAMPLEID:session</AssumedRoleId>"
                    + "</AssumedRoleUser></AssumeRoleResult>"
                    + "<ResponseMetadata><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ResponseMetadata>"
                    + "</AssumeRoleResponse>";
            byte[] body = xml.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
