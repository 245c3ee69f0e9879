package io.jenkins.plugins.sagemaker.engine.upload.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stopped upload returns only after its part requests have ended, because the caller aborts the
 * multipart upload next and S3 can still store a part whose body it has received. A loopback server
 * receives the whole body of one part and delays the response, and the test then stops the upload.
 */
class UploadStopTest {

    /**
     * How long the server delays the response when the upload call does not return first. It bounds
     * the passing case only: an upload call that returns without waiting fails the test at once.
     */
    private static final long HOLD_SECONDS = 2;

    @TempDir
    Path workspace;

    private HttpServer server;
    private final CountDownLatch bodyReceived = new CountDownLatch(1);
    private final CountDownLatch uploadReturned = new CountDownLatch(1);
    private final AtomicBoolean responded = new AtomicBoolean();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            bodyReceived.countDown();
            try {
                uploadReturned.await(HOLD_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            responded.set(true);
            exchange.getResponseHeaders().add("ETag", "\"0123456789abcdef\"");
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void interruptWaitsForSentPart() throws Exception {
        CancellationToken token = CancellationToken.none();
        Outcome outcome = uploadAndStop(token, thread -> thread.interrupt());

        assertThat(outcome.failure()).isInstanceOf(TransferCancelledException.class);
        assertThat(outcome.respondedBeforeReturn()).as("the part's response came before the upload returned")
                .isTrue();
    }

    @Test
    void cancelWaitsForSentPart() throws Exception {
        CancellationToken token = new CancellationToken();
        Outcome outcome = uploadAndStop(token, thread -> token.cancel());

        assertThat(outcome.failure()).isInstanceOf(TransferCancelledException.class);
        assertThat(outcome.respondedBeforeReturn()).as("the part's response came before the upload returned")
                .isTrue();
    }

    private record Outcome(Throwable failure, boolean respondedBeforeReturn) {
    }

    private interface Stop {
        void stop(Thread uploader);
    }

    private Outcome uploadAndStop(CancellationToken token, Stop stop) throws Exception {
        byte[] content = new byte[1024];
        Path file = workspace.resolve("data/a.bin");
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort()
                + "/example-bucket/in/a.bin?partNumber=1&uploadId=example-upload");
        PartUpload part = new PartUpload("a.bin", 1, 0, content.length, content.length, url, Map.of(),
                "s3://example-bucket/in/a.bin");
        UploadBatch batch = new UploadBatch("data", List.of(part), new ProgressTotals(1, content.length, 0, 0),
                new TransferSettings(2, 0, 1));
        LocalWorkspaceAgent agent = new LocalWorkspaceAgent(workspace, ProgressSink.NONE, token);

        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean respondedBeforeReturn = new AtomicBoolean();
        Thread uploader = new Thread(() -> {
            try {
                agent.upload(batch);
            } catch (Throwable e) {
                failure.set(e);
            } finally {
                respondedBeforeReturn.set(responded.get());
                uploadReturned.countDown();
            }
        }, "upload-stop-test");
        uploader.start();

        bodyReceived.await();
        stop.stop(uploader);
        uploader.join();
        return new Outcome(failure.get(), respondedBeforeReturn.get());
    }
}
