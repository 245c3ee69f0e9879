package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends presigned PUT and GET requests with {@link HttpClient}. Only connection errors and HTTP 5xx
 * responses are retried; any other response fails the transfer and names the file.
 */
final class HttpTransfers {

    private static final Logger LOGGER = Logger.getLogger(HttpTransfers.class.getName());

    /** Headers that {@link HttpClient} sets itself and rejects when a caller sets them. */
    private static final Set<String> RESTRICTED_HEADERS = Set.of("host", "content-length", "connection", "expect",
            "upgrade");

    private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");
    private static final Pattern ERROR_MESSAGE = Pattern.compile("<Message>([^<]*)</Message>");

    /** First pause before a retry, in milliseconds; it doubles with each attempt. */
    private static final long FIRST_BACKOFF_MILLIS = 200;

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);

    /** How long a stopped part upload may take to end, in seconds. It is below the 60 s that the thread pool waits. */
    private static final long STOP_WAIT_SECONDS = 30;

    private final TransferSettings settings;
    private final ProgressSink sink;
    private final CancellationToken token;

    HttpTransfers(TransferSettings settings, ProgressSink sink, CancellationToken token) {
        this.settings = settings;
        this.sink = sink;
        this.token = token;
    }

    List<PartResult> upload(Path workspace, UploadBatch batch) throws IOException {
        // A large file can span batches, so only the batch with its last part counts it as done.
        Map<String, AtomicInteger> partsLeft = new ConcurrentHashMap<>();
        Set<String> endingFiles = new HashSet<>();
        long batchBytes = 0;
        for (PartUpload part : batch.parts()) {
            partsLeft.computeIfAbsent(part.path(), path -> new AtomicInteger()).incrementAndGet();
            if (part.offset() + part.length() == part.fileSize()) {
                endingFiles.add(part.path());
            }
            batchBytes += part.length();
        }
        LOGGER.log(Level.FINE, "Uploading {0} requests, {1} bytes", new Object[] {batch.parts().size(), batchBytes});
        ProgressMeter meter = new ProgressMeter("Uploading", batch.progress(), settings.progressIntervalMillis(), sink);

        HttpClient client = newClient();
        CancellationToken stopped = new CancellationToken();
        List<Callable<PartResult>> tasks = new ArrayList<>();
        for (PartUpload part : batch.parts()) {
            tasks.add(() -> {
                PartResult result = put(client, workspace, batch.root(), part, meter, stopped);
                if (partsLeft.get(part.path()).decrementAndGet() == 0 && endingFiles.contains(part.path())) {
                    meter.fileDone();
                }
                return result;
            });
        }
        return ParallelTasks.run(tasks, settings.threads(), token);
    }

    DownloadReport download(Path workspace, DownloadBatch batch) throws IOException {
        Path realWorkspace = WorkspacePaths.realWorkspace(workspace);
        List<Path> destinations = new ArrayList<>();
        for (DownloadItem item : batch.items()) {
            destinations.add(DownloadTargets.destination(realWorkspace, batch, item));
        }

        long totalBytes = batch.items().stream().mapToLong(DownloadItem::size).sum();
        ProgressTotals totals = new ProgressTotals(batch.items().size(), totalBytes, 0, 0);
        ProgressMeter meter = new ProgressMeter("Downloading", totals, settings.progressIntervalMillis(), sink);

        HttpClient client = newClient();
        List<Callable<String>> tasks = new ArrayList<>();
        for (int i = 0; i < batch.items().size(); i++) {
            DownloadItem item = batch.items().get(i);
            Path destination = destinations.get(i);
            tasks.add(() -> {
                get(client, realWorkspace, item, destination, meter);
                meter.fileDone();
                return WorkspacePaths.slashPath(realWorkspace, destination);
            });
        }
        return new DownloadReport(ParallelTasks.run(tasks, settings.threads(), token), totalBytes);
    }

    private PartResult put(HttpClient client, Path workspace, String root, PartUpload part, ProgressMeter meter,
            CancellationToken stopped) throws IOException {
        Path file = WorkspacePaths.uploadFile(workspace, root, part.path());
        String label = describe(root, part);
        for (int attempt = 1; ; attempt++) {
            token.throwIfCancelled();
            long size = Files.size(file);
            if (size != part.fileSize()) {
                throw new IOException("Upload of " + label + " failed: the file changed after it was hashed (size was "
                        + part.fileSize() + " bytes, now " + size + "); rerun the upload when the file is complete");
            }

            AtomicLong sent = new AtomicLong();
            HttpRequest.BodyPublisher body = FileRangeBody.publisher(file, part.offset(), part.length(), meter, sent,
                    token, stopped);
            HttpRequest.Builder request = HttpRequest.newBuilder(part.url()).PUT(body);
            for (Map.Entry<String, String> header : part.headers().entrySet()) {
                if (!RESTRICTED_HEADERS.contains(header.getKey().toLowerCase(Locale.ROOT))) {
                    request.header(header.getKey(), header.getValue());
                }
            }

            HttpResponse<String> response;
            try {
                response = sendPart(client, request.build(), stopped);
            } catch (TransferCancelledException e) {
                throw e;
            } catch (IOException e) {
                meter.addBytes(-sent.getAndSet(0));
                retryOrThrow(attempt, label, e.toString(), e);
                continue;
            }

            int status = response.statusCode();
            if (status / 100 == 2) {
                String eTag = response.headers().firstValue("ETag").orElseThrow(
                        () -> new IOException("Upload of " + label + " returned HTTP " + status + " without an ETag"));
                return new PartResult(part.path(), part.partNumber(), eTag);
            }
            meter.addBytes(-sent.getAndSet(0));
            String failure = "HTTP " + status + " " + errorOf(response.body());
            if (status / 100 != 5) {
                throw new IOException("Upload of " + label + " failed: " + failure + hint(response.body()));
            }
            retryOrThrow(attempt, label, failure, null);
        }
    }

    private void get(HttpClient client, Path realWorkspace, DownloadItem item, Path destination, ProgressMeter meter)
            throws IOException {
        // Check the nearest existing folder first, so no folder is created through a link that leads out.
        Path existing = destination.getParent();
        while (!Files.exists(existing)) {
            existing = existing.getParent();
        }
        WorkspacePaths.realInside(realWorkspace, existing, WorkspacePaths.slashPath(realWorkspace, existing));
        Files.createDirectories(destination.getParent());
        WorkspacePaths.realInside(realWorkspace, destination.getParent(),
                WorkspacePaths.slashPath(realWorkspace, destination.getParent()));
        String label = item.source() + " to " + WorkspacePaths.slashPath(realWorkspace, destination);

        for (int attempt = 1; ; attempt++) {
            token.throwIfCancelled();
            Path partial = Files.createTempFile(destination.getParent(), "." + destination.getFileName(), ".part");
            long received = 0;
            try {
                HttpRequest request = HttpRequest.newBuilder(item.url()).GET().build();
                HttpResponse<InputStream> response = send(client, request, HttpResponse.BodyHandlers.ofInputStream());
                int status = response.statusCode();
                if (status / 100 != 2) {
                    String body;
                    try (InputStream in = response.body()) {
                        body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
                    }
                    if (status / 100 != 5) {
                        throw new IOException("Download of " + label + " failed: HTTP " + status + " " + errorOf(body));
                    }
                    retryOrThrow(attempt, label, "HTTP " + status + " " + errorOf(body), null);
                    continue;
                }

                try (InputStream in = response.body(); OutputStream out = Files.newOutputStream(partial)) {
                    byte[] buffer = new byte[256 * 1024];
                    int read;
                    while ((read = in.read(buffer)) > 0) {
                        token.throwIfCancelled();
                        out.write(buffer, 0, read);
                        received += read;
                        meter.addBytes(read);
                    }
                } catch (TransferCancelledException e) {
                    throw e;
                } catch (IOException e) {
                    meter.addBytes(-received);
                    retryOrThrow(attempt, label, e.toString(), e);
                    continue;
                }
                if (received != item.size()) {
                    throw new IOException("Download of " + label + " failed: received " + received
                            + " bytes but the object has " + item.size() + "; run the download again");
                }
                Files.move(partial, destination, StandardCopyOption.REPLACE_EXISTING);
                return;
            } finally {
                Files.deleteIfExists(partial);
            }
        }
    }

    /**
     * Sends one PUT and, when the thread is interrupted, returns only after the request has ended.
     * S3 can still store a part whose body was sent in full, and the caller aborts the multipart
     * upload next. A part stored after the abort would stay in the bucket, billed, so the abort must
     * come last. {@link HttpClient#send} would instead cancel the request in the background and
     * return at once.
     */
    private HttpResponse<String> sendPart(HttpClient client, HttpRequest request, CancellationToken stopped)
            throws IOException {
        CompletableFuture<HttpResponse<String>> exchange = client.sendAsync(request,
                HttpResponse.BodyHandlers.ofString());
        try {
            return exchange.get();
        } catch (InterruptedException e) {
            // Fail the unsent bodies of all parts, so that S3 stores none of them, and wait for the
            // response of a part whose body is already sent.
            stopped.cancel();
            awaitEnd(exchange);
            Thread.currentThread().interrupt();
            throw new TransferCancelledException("Transfer interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (token.isCancelled() || stopped.isCancelled()) {
                throw new TransferCancelledException("Transfer cancelled", cause);
            }
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
    }

    /** Waits, also through interrupts, for a request to end, at most {@link #STOP_WAIT_SECONDS}. */
    private static void awaitEnd(CompletableFuture<?> exchange) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STOP_WAIT_SECONDS);
        while (true) {
            try {
                exchange.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                return;
            } catch (InterruptedException e) {
                // Keep waiting; the caller restores the interrupt flag.
            } catch (ExecutionException e) {
                return;
            } catch (TimeoutException e) {
                LOGGER.log(Level.WARNING, "A part upload was still running {0} s after the transfer stopped; a "
                        + "part that S3 stores later stays until the multipart upload is aborted again",
                        STOP_WAIT_SECONDS);
                exchange.cancel(true);
                return;
            }
        }
    }

    private <T> HttpResponse<T> send(HttpClient client, HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException {
        try {
            return client.send(request, handler);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferCancelledException("Transfer interrupted", e);
        } catch (IOException e) {
            if (token.isCancelled()) {
                throw new TransferCancelledException("Transfer cancelled", e);
            }
            throw e;
        }
    }

    private void retryOrThrow(int attempt, String label, String failure, IOException cause) throws IOException {
        if (attempt >= settings.maxAttempts()) {
            throw new IOException("Transfer of " + label + " failed after " + attempt + " attempts: " + failure, cause);
        }
        long pause = FIRST_BACKOFF_MILLIS << Math.min(attempt - 1, 6);
        LOGGER.log(Level.FINE, "Attempt {0} for {1} failed ({2}); retrying in {3} ms",
                new Object[] {attempt, label, failure, pause});
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransferCancelledException("Transfer interrupted", e);
        }
    }

    private HttpClient newClient() {
        // HTTP/1.1, because on plain http URLs (as in tests) HTTP/2 would first try an h2c upgrade.
        // The JDK default proxy selector applies, so the agent's proxy settings still work.
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private static String describe(String root, PartUpload part) {
        String path = root.isEmpty() ? part.path() : root + "/" + part.path();
        String file = part.partNumber() == 0 ? path : path + " (part " + part.partNumber() + ")";
        return file + " to " + part.target();
    }

    private static String errorOf(String body) {
        Matcher code = ERROR_CODE.matcher(body);
        Matcher message = ERROR_MESSAGE.matcher(body);
        String text = code.find() ? code.group(1) : "";
        if (message.find()) {
            text = text.isEmpty() ? message.group(1) : text + ": " + message.group(1);
        }
        return text;
    }

    private static String hint(String body) {
        if (body.contains("BadDigest") || body.contains("InvalidDigest")) {
            return ". The file changed after it was hashed, or the data was damaged on the way; rerun the upload";
        }
        if (body.contains("AccessDenied") || body.contains("SignatureDoesNotMatch") || body.contains("expired")) {
            return ". The presigned URL was rejected; check the controller's AWS credentials and clock";
        }
        return "";
    }
}
