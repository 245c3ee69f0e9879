package io.jenkins.plugins.sagemaker.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client that sends one request per connection with {@code Connection: close}.
 * The JDK's HttpClient keeps idle connections open, and an open connection makes S3Proxy's Jetty wait
 * during a graceful stop (about a second per emulator), so the emulator talks to S3Proxy with this instead.
 */
final class LoopbackHttp {

    /** Status code and body of a response. */
    record Response(int statusCode, byte[] body) {

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private final String host;
    private final int port;
    private final int timeoutMillis;

    LoopbackHttp(String host, int port, int timeoutMillis) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /** Sends a request; {@code pathAndQuery} must already be URI-encoded. */
    Response send(String method, String pathAndQuery, Map<String, String> headers, byte[] body) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);

            StringBuilder head = new StringBuilder();
            head.append(method).append(' ').append(pathAndQuery).append(" HTTP/1.1\r\n");
            head.append("Host: ").append(host).append(':').append(port).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(body.length).append("\r\n");
            head.append("Connection: close\r\n\r\n");
            OutputStream output = socket.getOutputStream();
            output.write(head.toString().getBytes(StandardCharsets.UTF_8));
            output.write(body);
            output.flush();

            byte[] raw = readAll(socket.getInputStream());
            return parse(raw, method.equals("HEAD"));
        }
    }

    private static byte[] readAll(InputStream input) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        input.transferTo(buffer);
        return buffer.toByteArray();
    }

    private static Response parse(byte[] raw, boolean head) throws IOException {
        int headerEnd = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 0);
        if (headerEnd < 0) {
            throw new IOException("incomplete HTTP response of " + raw.length + " bytes");
        }
        String[] lines = new String(raw, 0, headerEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IOException("invalid HTTP status line: " + lines[0]);
        }
        int status = Integer.parseInt(statusLine[1]);
        boolean chunked = false;
        int contentLength = -1;
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("transfer-encoding") && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            } else if (name.equals("content-length")) {
                contentLength = Integer.parseInt(value);
            }
        }

        int bodyStart = headerEnd + 4;
        if (head || status == 204 || status == 304) {
            return new Response(status, new byte[0]);
        }
        if (chunked) {
            return new Response(status, dechunk(raw, bodyStart));
        }
        int end = contentLength >= 0 ? Math.min(raw.length, bodyStart + contentLength) : raw.length;
        byte[] body = new byte[end - bodyStart];
        System.arraycopy(raw, bodyStart, body, 0, body.length);
        return new Response(status, body);
    }

    /** Decodes a chunked body (RFC 9112, section 7.1); trailers are ignored. */
    private static byte[] dechunk(byte[] raw, int start) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int position = start;
        byte[] lineEnd = "\r\n".getBytes(StandardCharsets.US_ASCII);
        while (true) {
            int sizeEnd = indexOf(raw, lineEnd, position);
            if (sizeEnd < 0) {
                throw new IOException("truncated chunked HTTP response");
            }
            String sizeText = new String(raw, position, sizeEnd - position, StandardCharsets.US_ASCII);
            int semicolon = sizeText.indexOf(';');
            int size = Integer.parseInt((semicolon < 0 ? sizeText : sizeText.substring(0, semicolon)).trim(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            int dataStart = sizeEnd + 2;
            if (dataStart + size > raw.length) {
                throw new IOException("truncated chunked HTTP response");
            }
            body.write(raw, dataStart, size);
            position = dataStart + size + 2;
        }
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
