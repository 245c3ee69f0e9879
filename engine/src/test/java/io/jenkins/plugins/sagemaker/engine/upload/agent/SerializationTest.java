package io.jenkins.plugins.sagemaker.engine.upload.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The values that cross a Jenkins remoting call survive Java serialization unchanged. */
class SerializationTest {

    private static final TransferSettings SETTINGS = new TransferSettings(4, 5_000, 3);

    @Test
    void requestsAndResultsRoundTrip() throws Exception {
        LocalFile file = new LocalFile("sub/a.csv", 4, 1_700_000_000_000L);
        List<Serializable> values = List.of(
                new FileListing("data/train", "data/train", false, List.of(file)),
                new HashRequest("data/train", List.of(file), 16L << 20, 16L << 20, SETTINGS),
                new FileDigest(file, "ab12", null, 5L << 20, List.of("md5-1", "md5-2")),
                new UploadBatch("data/train", List.of(new PartUpload("sub/a.csv", 1, 0, 4, 4,
                        URI.create("http://127.0.0.1:9000/example-bucket/a.csv?X-Amz-Signature=0"),
                        Map.of("Content-MD5", "md5-1"), "s3://example-bucket/a.csv")),
                        new ProgressTotals(1, 4, 0, 0), SETTINGS),
                new PartResult("sub/a.csv", 1, "\"etag\""),
                new DownloadBatch("models", true, List.of(new DownloadItem("model.tar.gz", 9,
                        URI.create("http://127.0.0.1:9000/example-bucket/model.tar.gz"),
                        "s3://example-bucket/model.tar.gz")),
                        SETTINGS),
                new DownloadReport(List.of("models/model.tar.gz"), 9));

        for (Serializable value : values) {
            assertThat(roundTrip(value)).isEqualTo(value);
        }
    }

    @Test
    void exceptionsKeepMessages() throws Exception {
        assertThat(roundTrip(new WorkspacePathException("Path 'x' not found")))
                .hasMessage("Path 'x' not found");
        assertThat(roundTrip(new TransferCancelledException("Transfer cancelled")))
                .isInstanceOf(TransferCancelledException.class);
    }

    @Test
    void urlsStayOutOfToString() {
        PartUpload part = new PartUpload("a.csv", 0, 0, 1, 1,
                URI.create("http://127.0.0.1:9000/example-bucket/a.csv?X-Amz-Signature=secret"), Map.of(),
                "s3://example-bucket/a.csv");

        assertThat(part.toString()).doesNotContain("X-Amz-Signature");
    }

    @SuppressWarnings("unchecked")
    private static <T extends Serializable> T roundTrip(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
