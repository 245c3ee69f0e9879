package io.jenkins.plugins.sagemaker.engine.upload;

import static io.jenkins.plugins.sagemaker.engine.upload.EmulatorS3.randomBytes;
import static io.jenkins.plugins.sagemaker.engine.upload.EmulatorS3.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.DownloadBatch;
import io.jenkins.plugins.sagemaker.engine.upload.agent.DownloadReport;
import io.jenkins.plugins.sagemaker.engine.upload.agent.FileDigest;
import io.jenkins.plugins.sagemaker.engine.upload.agent.FileListing;
import io.jenkins.plugins.sagemaker.engine.upload.agent.HashRequest;
import io.jenkins.plugins.sagemaker.engine.upload.agent.LocalWorkspaceAgent;
import io.jenkins.plugins.sagemaker.engine.upload.agent.PartResult;
import io.jenkins.plugins.sagemaker.engine.upload.agent.PartUpload;
import io.jenkins.plugins.sagemaker.engine.upload.agent.ProgressSink;
import io.jenkins.plugins.sagemaker.engine.upload.agent.TransferCancelledException;
import io.jenkins.plugins.sagemaker.engine.upload.agent.UploadBatch;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspaceAgent;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspacePathException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

class WorkspaceUploaderTest {

    private static final int MIB = 1024 * 1024;

    /** Small parts and threshold, so that a few MiB already exercise multipart uploads. */
    private static final UploadSettings SETTINGS = UploadSettings.defaults()
            .withThreads(4)
            .withPartSize(5 * MIB)
            .withMultipartThreshold(5 * MIB)
            .withProgressInterval(Duration.ZERO);

    private static EmulatorS3 s3;

    @TempDir
    Path workspace;

    private final List<String> console = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startEmulator() {
        s3 = EmulatorS3.start();
    }

    @AfterAll
    static void stopEmulator() {
        s3.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"nightly/42/train/", "nightly/42/train", "nightly//42/train//"})
    void folderKeysFollowPrefix(String prefix) throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/train/part-0001.csv", "a,b\n".getBytes(StandardCharsets.UTF_8));
        write(workspace, "data/train/sub/part-0002.csv", "c,d\n".getBytes(StandardCharsets.UTF_8));
        S3Prefix destination = S3Prefix.parse("s3://" + bucket + "/" + prefix);
        ChannelUpload channel = new ChannelUpload("train", "data/train", destination);

        ChannelUploadResult result = upload(channel, SETTINGS);

        assertThat(s3.keys(bucket))
                .containsExactly("nightly/42/train/part-0001.csv", "nightly/42/train/sub/part-0002.csv");
        assertThat(result.s3Uri()).isEqualTo("s3://" + bucket + "/nightly/42/train/");
        assertThat(result.uploadedFiles()).isEqualTo(2);
        assertThat(result.uploadedBytes()).isEqualTo(8);
        assertThat(s3.content(bucket, "nightly/42/train/sub/part-0002.csv")).asString(StandardCharsets.UTF_8)
                .isEqualTo("c,d\n");
    }

    @Test
    void singleFileGoesUnderPrefix() throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/train.csv", "x,y\n".getBytes(StandardCharsets.UTF_8));
        S3Prefix destination = S3Prefix.channelDefault("s3://" + bucket + "/models", "nightly-42", "train");

        ChannelUploadResult result = upload(new ChannelUpload("train", "data/train.csv", destination), SETTINGS);

        assertThat(s3.keys(bucket)).containsExactly("models/nightly-42/input/train/train.csv");
        assertThat(result.s3Uri()).isEqualTo("s3://" + bucket + "/models/nightly-42/input/train/");
    }

    @Test
    void multipartAndSmallFilesArriveIntact() throws Exception {
        String bucket = s3.newBucket();
        byte[] large = randomBytes(12 * MIB + 17, 1);
        byte[] empty = new byte[0];
        write(workspace, "data/large.bin", large);
        write(workspace, "data/empty.txt", empty);
        for (int i = 0; i < 30; i++) {
            write(workspace, "data/small/file-" + i + ".txt", ("line " + i).getBytes(StandardCharsets.UTF_8));
        }

        upload(new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in")), SETTINGS);

        assertThat(s3.keys(bucket)).hasSize(32).contains("in/large.bin", "in/empty.txt", "in/small/file-29.txt");
        assertThat(s3.content(bucket, "in/large.bin")).isEqualTo(large);
        assertThat(s3.content(bucket, "in/empty.txt")).isEmpty();
        assertThat(s3.content(bucket, "in/small/file-7.txt")).asString(StandardCharsets.UTF_8).isEqualTo("line 7");
        assertThat(s3.head(bucket, "in/large.bin").metadata())
                .containsEntry("sha256", HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(large)));
        assertThat(s3.openMultipartUploads(bucket)).isEmpty();
        assertThat(console).anyMatch(line -> line.startsWith("Uploading: "));
        assertThat(console).last().asString().startsWith("Uploaded 32 files (12.0 MiB)");
    }

    @Test
    void smallBatchesUploadEverything() throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/large.bin", randomBytes(11 * MIB, 2));
        for (int i = 0; i < 5; i++) {
            write(workspace, "data/file-" + i + ".txt", new byte[] {(byte) i});
        }
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in"));

        ChannelUploadResult result = upload(channel, SETTINGS.withMaxBatchRequests(2));

        assertThat(result.uploadedFiles()).isEqualTo(6);
        assertThat(s3.keys(bucket)).hasSize(6);
        assertThat(s3.openMultipartUploads(bucket)).isEmpty();
    }

    @Test
    void largeFileSplitByBytes() throws Exception {
        String bucket = s3.newBucket();
        byte[] large = randomBytes(23 * MIB, 20);
        write(workspace, "data/large.bin", large);
        RecordingAgent agent = new RecordingAgent(local());
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in"));

        ChannelUploadResult result = uploader(SETTINGS.withMaxBatchBytes(10 * MIB))
                .upload(channel, agent, console::add, CancellationToken.none());

        // Five parts of 5, 5, 5, 5 and 3 MiB, at most 10 MiB per batch.
        assertThat(agent.batchParts()).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(result.uploadedFiles()).isEqualTo(1);
        assertThat(result.uploadedBytes()).isEqualTo(23 * MIB);
        assertThat(s3.head(bucket, "in/large.bin").contentLength()).isEqualTo(23L * MIB);
        assertThat(sha256(s3.content(bucket, "in/large.bin"))).isEqualTo(sha256(large));
        assertThat(s3.head(bucket, "in/large.bin").metadata()).containsEntry("sha256", sha256(large));
        assertThat(s3.openMultipartUploads(bucket)).isEmpty();
    }

    @Test
    void largeFileSplitByRequests() throws Exception {
        String bucket = s3.newBucket();
        byte[] large = randomBytes(23 * MIB, 21);
        write(workspace, "data/large.bin", large);
        RecordingAgent agent = new RecordingAgent(local());
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in"));

        uploader(SETTINGS.withMaxBatchRequests(2)).upload(channel, agent, console::add, CancellationToken.none());

        assertThat(agent.batchParts()).containsExactly(List.of(1, 2), List.of(3, 4), List.of(5));
        assertThat(s3.head(bucket, "in/large.bin").contentLength()).isEqualTo(23L * MIB);
        assertThat(sha256(s3.content(bucket, "in/large.bin"))).isEqualTo(sha256(large));
        assertThat(s3.openMultipartUploads(bucket)).isEmpty();
    }

    @Test
    void splitFileProgressCountsOnce() throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/large.bin", randomBytes(23 * MIB, 22));
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in"));

        upload(channel, SETTINGS.withMaxBatchBytes(10 * MIB));

        // The file is done only with the third batch, so earlier progress lines must not count it.
        List<String> progress = console.stream().filter(line -> line.startsWith("Uploading: ")).toList();
        assertThat(progress).anyMatch(line -> line.startsWith("Uploading: 0 of 1 files, 10.0 MiB of 23.0 MiB"));
        assertThat(progress).filteredOn(line -> line.startsWith("Uploading: 1 of 1 files"))
                .isNotEmpty()
                .allMatch(line -> line.contains("23.0 MiB of 23.0 MiB (100%)"));
        assertThat(console).last().asString().startsWith("Uploaded 1 files (23.0 MiB)");
    }

    @Test
    void smallFilesAndLargeFileMixed() throws Exception {
        String bucket = s3.newBucket();
        byte[] large = randomBytes(23 * MIB, 23);
        byte[] medium = randomBytes(6 * MIB, 24);
        write(workspace, "data/b-large.bin", large);
        write(workspace, "data/c-medium.bin", medium);
        for (int i = 0; i < 4; i++) {
            write(workspace, "data/a-" + i + ".txt", randomBytes(MIB, 30 + i));
            write(workspace, "data/d-" + i + ".txt", ("line " + i).getBytes(StandardCharsets.UTF_8));
        }
        RecordingAgent agent = new RecordingAgent(local());
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in"));

        ChannelUploadResult result = uploader(SETTINGS.withMaxBatchBytes(10 * MIB))
                .upload(channel, agent, console::add, CancellationToken.none());

        assertThat(result.uploadedFiles()).isEqualTo(10);
        assertThat(s3.keys(bucket)).hasSize(10);
        assertThat(agent.batchBytes()).hasSizeGreaterThanOrEqualTo(4).allMatch(bytes -> bytes <= 10L * MIB);
        // Some batch contains whole small files and part of the large file.
        assertThat(agent.batches).anyMatch(batch -> batch.parts().stream().anyMatch(part -> part.partNumber() == 0)
                && batch.parts().stream().anyMatch(part -> part.partNumber() > 0));
        assertThat(sha256(s3.content(bucket, "in/b-large.bin"))).isEqualTo(sha256(large));
        assertThat(sha256(s3.content(bucket, "in/c-medium.bin"))).isEqualTo(sha256(medium));
        assertThat(s3.content(bucket, "in/a-2.txt")).isEqualTo(randomBytes(MIB, 32));
        assertThat(s3.content(bucket, "in/d-3.txt")).asString(StandardCharsets.UTF_8).isEqualTo("line 3");
        assertThat(s3.openMultipartUploads(bucket)).isEmpty();
        assertThat(console).last().asString().startsWith("Uploaded 10 files (33.0 MiB)");
    }

    @Test
    void cancelBetweenBatchesAbortsUpload() throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/large.bin", randomBytes(23 * MIB, 25));
        CancellationToken token = new CancellationToken();
        List<MultipartUpload> openAfterFirstBatch = new CopyOnWriteArrayList<>();
        RecordingAgent agent = new RecordingAgent(new LocalWorkspaceAgent(workspace, console::add, token));
        // Cancels once the first batch has stored its parts, while the multipart upload is still open.
        agent.afterUpload = () -> {
            openAfterFirstBatch.addAll(s3.openMultipartUploads(bucket));
            token.cancel();
        };
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in"));

        assertThatThrownBy(() -> uploader(SETTINGS.withMaxBatchBytes(10 * MIB)).upload(channel, agent, console::add,
                token))
                .isInstanceOf(TransferCancelledException.class)
                .hasMessageContaining("channel 'train'");

        assertThat(agent.batchParts()).containsExactly(List.of(1, 2));
        assertThat(openAfterFirstBatch).hasSize(1);
        assertThat(s3.openMultipartUploads(bucket)).isEmpty();
        assertThat(s3.parts(bucket, openAfterFirstBatch.get(0))).isEmpty();
        assertThat(s3.keys(bucket)).isEmpty();
    }

    @Test
    void rerunSkipsUnchangedFiles() throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/large.bin", randomBytes(6 * MIB, 3));
        write(workspace, "data/a.csv", "a".getBytes(StandardCharsets.UTF_8));
        write(workspace, "data/b.csv", "b".getBytes(StandardCharsets.UTF_8));
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in/"));
        upload(channel, SETTINGS);
        console.clear();

        ChannelUploadResult rerun = upload(channel, SETTINGS);

        assertThat(rerun.uploadedFiles()).isZero();
        assertThat(rerun.skippedFiles()).isEqualTo(3);
        assertThat(rerun.skippedBytes()).isEqualTo(6 * MIB + 2);
        assertThat(console).contains("Skipped 3 unchanged files (6.0 MiB) already in s3://" + bucket + "/in/");
        assertThat(console).noneMatch(line -> line.startsWith("Hashing: "));
    }

    @Test
    void touchedFileHashedThenSkipped() throws IOException {
        String bucket = s3.newBucket();
        Path file = write(workspace, "data/a.csv", "a".getBytes(StandardCharsets.UTF_8));
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in/"));
        upload(channel, SETTINGS);
        Files.setLastModifiedTime(file, FileTime.fromMillis(Files.getLastModifiedTime(file).toMillis() + 60_000));
        console.clear();

        ChannelUploadResult rerun = upload(channel, SETTINGS);

        assertThat(rerun.skippedFiles()).isEqualTo(1);
        assertThat(rerun.uploadedFiles()).isZero();
        assertThat(console).anyMatch(line -> line.startsWith("Hashing: "));
    }

    @Test
    void changedFileUploadedAgain() throws IOException {
        String bucket = s3.newBucket();
        Path changed = write(workspace, "data/a.csv", "a".getBytes(StandardCharsets.UTF_8));
        write(workspace, "data/b.csv", "b".getBytes(StandardCharsets.UTF_8));
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in/"));
        upload(channel, SETTINGS);
        Files.writeString(changed, "A");
        Files.setLastModifiedTime(changed, FileTime.fromMillis(Files.getLastModifiedTime(changed).toMillis() + 60_000));

        ChannelUploadResult rerun = upload(channel, SETTINGS);

        assertThat(rerun.uploadedFiles()).isEqualTo(1);
        assertThat(rerun.skippedFiles()).isEqualTo(1);
        assertThat(s3.content(bucket, "in/a.csv")).asString(StandardCharsets.UTF_8).isEqualTo("A");
    }

    @Test
    void alwaysHashChecksContent() throws IOException {
        String bucket = s3.newBucket();
        Path file = write(workspace, "data/a.csv", "a".getBytes(StandardCharsets.UTF_8));
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in/"));
        upload(channel, SETTINGS);
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, "b");
        Files.setLastModifiedTime(file, time);

        ChannelUploadResult quick = upload(channel, SETTINGS);
        ChannelUploadResult hashed = upload(channel, SETTINGS.withAlwaysHash(true));

        assertThat(quick.skippedFiles()).isEqualTo(1);
        assertThat(hashed.uploadedFiles()).isEqualTo(1);
        assertThat(s3.content(bucket, "in/a.csv")).asString(StandardCharsets.UTF_8).isEqualTo("b");
    }

    @Test
    void deletedFilesReportedOnRerun() throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/a.csv", "a".getBytes(StandardCharsets.UTF_8));
        Path old = write(workspace, "data/old.csv", "o".getBytes(StandardCharsets.UTF_8));
        Path deleted = write(workspace, "data/sub/gone.csv", "g".getBytes(StandardCharsets.UTF_8));
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/fixed/train/"));
        upload(channel, SETTINGS);
        Files.delete(old);
        Files.delete(deleted);
        console.clear();

        upload(channel, SETTINGS);

        assertThat(console).last().isEqualTo("Channel 'train': 2 objects under s3://" + bucket + "/fixed/train/ are "
                + "not in the workspace folder data and the job will read them too: old.csv, sub/gone.csv. Delete "
                + "them or use a per-build prefix.");
        // Only reported: the objects stay.
        assertThat(s3.keys(bucket)).containsExactly("fixed/train/a.csv", "fixed/train/old.csv",
                "fixed/train/sub/gone.csv");
    }

    @Test
    void cleanRerunReportsNothing() throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/a.csv", "a".getBytes(StandardCharsets.UTF_8));
        write(workspace, "data/sub/b.csv", "b".getBytes(StandardCharsets.UTF_8));
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/fixed/train"));
        upload(channel, SETTINGS);
        // Empty keys ending in '/', as the S3 console's "Create folder" writes, are no data.
        s3.s3.putObject(builder -> builder.bucket(bucket).key("fixed/train/"), RequestBody.empty());
        s3.s3.putObject(builder -> builder.bucket(bucket).key("fixed/train/sub/"), RequestBody.empty());
        // Neighbours of the prefix are outside it.
        s3.s3.putObject(builder -> builder.bucket(bucket).key("fixed/training/c.csv"), RequestBody.fromString("c"));
        console.clear();

        upload(channel, SETTINGS);

        assertThat(console).noneMatch(line -> line.contains("the job will read"));
        assertThat(console).last().asString().startsWith("Uploaded 0 files");
    }

    @Test
    void manyOtherObjectsCountedAllNamedThree() throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/a.csv", "a".getBytes(StandardCharsets.UTF_8));
        for (int i = 1; i <= 5; i++) {
            String key = "fixed/train/old-" + i + ".csv";
            s3.s3.putObject(builder -> builder.bucket(bucket).key(key), RequestBody.fromString("old"));
        }
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/fixed/train/"));

        upload(channel, SETTINGS);

        assertThat(console).last().isEqualTo("Channel 'train': 5 objects under s3://" + bucket + "/fixed/train/ are "
                + "not in the workspace folder data and the job will read them too, for example old-1.csv, "
                + "old-2.csv, old-3.csv. Delete them or use a per-build prefix.");
    }

    @Test
    void singleFileReportsOtherObject() throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/train.csv", "x,y\n".getBytes(StandardCharsets.UTF_8));
        s3.s3.putObject(builder -> builder.bucket(bucket).key("fixed/train/train-old.csv"), RequestBody.fromString("o"));
        ChannelUpload channel = new ChannelUpload("train", "data/train.csv",
                S3Prefix.parse("s3://" + bucket + "/fixed/train/"));

        upload(channel, SETTINGS);

        assertThat(console).last().isEqualTo("Channel 'train': 1 object under s3://" + bucket + "/fixed/train/ is "
                + "not the workspace file data/train.csv and the job will read it too: train-old.csv. Delete it or "
                + "use a per-build prefix.");
    }

    @Test
    void fileChangedAfterHashingRejected() throws IOException {
        String bucket = s3.newBucket();
        Path file = write(workspace, "data/train/a.csv", "1,2,3\n".getBytes(StandardCharsets.UTF_8));
        WorkspaceAgent agent = new ChangingAgent(local(), file, "9,9,9\n");
        ChannelUpload channel = new ChannelUpload("train", "data/train", S3Prefix.parse("s3://" + bucket + "/in"));

        assertThatThrownBy(() -> uploader(SETTINGS).upload(channel, agent, console::add, CancellationToken.none()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("data/train/a.csv")
                .hasMessageContaining("s3://" + bucket + "/in/a.csv")
                .hasMessageContaining("BadDigest");
        assertThat(s3.keys(bucket)).isEmpty();
    }

    @Test
    void partChangedAfterHashingRejected() throws IOException {
        String bucket = s3.newBucket();
        Path file = write(workspace, "data/large.bin", randomBytes(11 * MIB, 4));
        WorkspaceAgent agent = new ChangingAgent(local(), file, null);
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in"));

        assertThatThrownBy(() -> uploader(SETTINGS).upload(channel, agent, console::add, CancellationToken.none()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("data/large.bin (part ")
                .hasMessageContaining("BadDigest");
        assertThat(s3.keys(bucket)).isEmpty();
        assertThat(s3.openMultipartUploads(bucket)).isEmpty();
    }

    @Test
    void cancelDuringUploadAbortsMultipart() throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/large-1.bin", randomBytes(26 * MIB, 5));
        write(workspace, "data/large-2.bin", randomBytes(26 * MIB, 6));
        CancellationToken token = new CancellationToken();
        // The first progress line of the upload, after its first chunk, cancels it.
        ProgressSink sink = line -> {
            console.add(line);
            if (line.startsWith("Uploading: ")) {
                token.cancel();
            }
        };
        WorkspaceAgent agent = new LocalWorkspaceAgent(workspace, sink, token);
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in"));

        assertThatThrownBy(() -> uploader(SETTINGS.withThreads(2)).upload(channel, agent, sink, token))
                .isInstanceOf(TransferCancelledException.class)
                .hasMessageContaining("channel 'train'");
        assertThat(s3.openMultipartUploads(bucket)).isEmpty();
        assertThat(s3.keys(bucket)).isEmpty();
        assertThat(console).noneMatch(line -> line.startsWith("Uploaded "));
    }

    @Test
    void cancelAfterFirstPartLeavesNoParts() throws IOException {
        String bucket = s3.newBucket();
        for (int i = 1; i <= 3; i++) {
            write(workspace, "data/large-" + i + ".bin", randomBytes(16 * MIB, 10 + i));
        }
        CancellationToken token = new CancellationToken();
        List<MultipartUpload> uploads = new CopyOnWriteArrayList<>();
        // Cancels once S3 lists a stored part, and keeps the open uploads to check their parts later.
        ProgressSink sink = line -> {
            console.add(line);
            if (!line.startsWith("Uploading: ") || token.isCancelled()) {
                return;
            }
            List<MultipartUpload> open = s3.openMultipartUploads(bucket);
            if (open.stream().anyMatch(upload -> !s3.parts(bucket, upload).isEmpty())) {
                uploads.addAll(open);
                token.cancel();
            }
        };
        WorkspaceAgent agent = new LocalWorkspaceAgent(workspace, sink, token);
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in"));

        assertThatThrownBy(() -> uploader(SETTINGS.withThreads(2)).upload(channel, agent, sink, token))
                .isInstanceOf(TransferCancelledException.class);

        assertThat(uploads).hasSize(3);
        assertThat(s3.openMultipartUploads(bucket)).isEmpty();
        assertThat(s3.keys(bucket)).isEmpty();
        // Stored parts of an aborted upload appear in no object listing, only in ListParts.
        for (MultipartUpload upload : uploads) {
            assertThat(s3.parts(bucket, upload)).as("parts of %s", upload.key()).isEmpty();
        }
    }

    @Test
    void interruptAbortsMultipart() throws IOException {
        String bucket = s3.newBucket();
        write(workspace, "data/large.bin", randomBytes(11 * MIB, 7));
        WorkspaceAgent agent = new InterruptingAgent(local());
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in"));

        try {
            assertThatThrownBy(() -> uploader(SETTINGS).upload(channel, agent, console::add, CancellationToken.none()))
                    .isInstanceOf(TransferCancelledException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
        assertThat(s3.openMultipartUploads(bucket)).isEmpty();
        assertThat(s3.keys(bucket)).isEmpty();
    }

    @Test
    void emptyFolderFailsBeforeUpload() throws IOException {
        String bucket = s3.newBucket();
        Files.createDirectories(workspace.resolve("data/train"));
        ChannelUpload channel = new ChannelUpload("train", "data/train", S3Prefix.parse("s3://" + bucket + "/in"));

        assertThatThrownBy(() -> upload(channel, SETTINGS))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'data/train'")
                .hasMessageContaining(workspace.toRealPath().toString());
        assertThat(s3.keys(bucket)).isEmpty();
    }

    @Test
    void missingPathFailsBeforeUpload() throws IOException {
        String bucket = s3.newBucket();
        ChannelUpload channel = new ChannelUpload("train", "data/missing", S3Prefix.parse("s3://" + bucket + "/in"));

        assertThatThrownBy(() -> upload(channel, SETTINGS))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'data/missing'")
                .hasMessageContaining(workspace.toRealPath().toString());
        assertThat(s3.keys(bucket)).isEmpty();
    }

    @Test
    void linkOutsideWorkspaceFailsBeforeUpload(@TempDir Path outside) throws IOException {
        String bucket = s3.newBucket();
        write(outside, "secret.csv", "s".getBytes(StandardCharsets.UTF_8));
        write(workspace, "data/a.csv", "a".getBytes(StandardCharsets.UTF_8));
        Files.createSymbolicLink(workspace.resolve("data/b.csv"), outside.resolve("secret.csv"));
        ChannelUpload channel = new ChannelUpload("train", "data", S3Prefix.parse("s3://" + bucket + "/in"));

        assertThatThrownBy(() -> upload(channel, SETTINGS))
                .isInstanceOf(WorkspacePathException.class)
                .hasMessageContaining("'data/b.csv'")
                .hasMessageContaining("outside the workspace " + workspace.toRealPath());
        assertThat(s3.keys(bucket)).isEmpty();
    }

    private ChannelUploadResult upload(ChannelUpload channel, UploadSettings settings) throws IOException {
        return uploader(settings).upload(channel, local(), console::add, CancellationToken.none());
    }

    private WorkspaceUploader uploader(UploadSettings settings) {
        return new WorkspaceUploader(s3.s3, s3.presigner, settings);
    }

    private LocalWorkspaceAgent local() {
        return new LocalWorkspaceAgent(workspace, console::add, CancellationToken.none());
    }

    private static String sha256(byte[] content) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Passes every call on to {@code delegate}; subclasses change the upload. */
    private abstract static class ForwardingAgent implements WorkspaceAgent {

        final WorkspaceAgent delegate;

        ForwardingAgent(WorkspaceAgent delegate) {
            this.delegate = delegate;
        }

        @Override
        public FileListing listFiles(String path) throws IOException, InterruptedException {
            return delegate.listFiles(path);
        }

        @Override
        public List<FileDigest> hashFiles(HashRequest request) throws IOException, InterruptedException {
            return delegate.hashFiles(request);
        }

        @Override
        public List<PartResult> upload(UploadBatch batch) throws IOException, InterruptedException {
            return delegate.upload(batch);
        }

        @Override
        public DownloadReport download(DownloadBatch batch) throws IOException, InterruptedException {
            return delegate.download(batch);
        }
    }

    /** Passes every call on and keeps each upload batch; runs {@code afterUpload} after each one. */
    private static class RecordingAgent extends ForwardingAgent {

        final List<UploadBatch> batches = new CopyOnWriteArrayList<>();
        Runnable afterUpload = () -> { };

        RecordingAgent(WorkspaceAgent delegate) {
            super(delegate);
        }

        /** Returns the part numbers of each batch, in the order of the batch. */
        List<List<Integer>> batchParts() {
            return batches.stream().map(batch -> batch.parts().stream().map(PartUpload::partNumber).toList()).toList();
        }

        List<Long> batchBytes() {
            return batches.stream().map(batch -> batch.parts().stream().mapToLong(PartUpload::length).sum()).toList();
        }

        @Override
        public List<PartResult> upload(UploadBatch batch) throws IOException, InterruptedException {
            batches.add(batch);
            List<PartResult> results = delegate.upload(batch);
            afterUpload.run();
            return results;
        }
    }

    /** Passes every call on, but rewrites one file after hashing and before the upload. */
    private static class ChangingAgent extends ForwardingAgent {

        private final Path file;
        private final String replacement;

        /** With a null replacement, the file keeps its size and its last byte is flipped. */
        ChangingAgent(WorkspaceAgent delegate, Path file, String replacement) {
            super(delegate);
            this.file = file;
            this.replacement = replacement;
        }

        @Override
        public List<PartResult> upload(UploadBatch batch) throws IOException, InterruptedException {
            if (replacement != null) {
                Files.writeString(file, replacement);
            } else {
                byte[] content = Files.readAllBytes(file);
                content[content.length - 1] ^= 1;
                Files.write(file, content);
            }
            return delegate.upload(batch);
        }
    }

    /**
     * Throws {@link InterruptedException} when the upload starts, as a remote call does when Jenkins
     * aborts the build; like any blocking call, it clears the interrupt flag.
     */
    private static class InterruptingAgent extends ChangingAgent {

        InterruptingAgent(WorkspaceAgent delegate) {
            super(delegate, null, null);
        }

        @Override
        public List<PartResult> upload(UploadBatch batch) throws InterruptedException {
            throw new InterruptedException("aborted by the test");
        }
    }
}
