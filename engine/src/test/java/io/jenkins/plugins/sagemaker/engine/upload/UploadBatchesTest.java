package io.jenkins.plugins.sagemaker.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sagemaker.engine.upload.agent.FileDigest;
import io.jenkins.plugins.sagemaker.engine.upload.agent.LocalFile;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class UploadBatchesTest {

    private static final long MIB = 1024L * 1024;

    @Test
    void smallFilesShareBatch() {
        List<FileDigest> files = List.of(single("a", 1), single("b", 2), single("c", 3));

        List<List<Presigning.FileSlice>> batches = UploadBatches.split(files, 2_000, 10 * MIB);

        assertThat(describe(batches)).containsExactly(List.of("a 0+1", "b 0+1", "c 0+1"));
    }

    @Test
    void fittingFileStaysWhole() {
        // 3 MiB are left in the first batch, so the 6 MiB file starts the next one whole.
        List<FileDigest> files = List.of(single("a", 7 * MIB), multipart("b", 6 * MIB), single("c", 1));

        List<List<Presigning.FileSlice>> batches = UploadBatches.split(files, 2_000, 10 * MIB);

        assertThat(describe(batches)).containsExactly(List.of("a 0+1"), List.of("b 0+2", "c 0+1"));
    }

    @Test
    void largeFileFillsAndContinues() {
        // Parts of 5, 5, 5, 5 and 3 MiB after a 4 MiB file: 6 MiB are left, room for one part.
        List<FileDigest> files = List.of(single("a", 4 * MIB), multipart("b", 23 * MIB), single("c", 1));

        List<List<Presigning.FileSlice>> batches = UploadBatches.split(files, 2_000, 10 * MIB);

        assertThat(describe(batches)).containsExactly(List.of("a 0+1", "b 0+1"), List.of("b 1+2"),
                List.of("b 3+2", "c 0+1"));
        assertThat(batches.get(2).get(0).bytes()).isEqualTo(8 * MIB);
        assertThat(batches.get(2).get(0).last()).isTrue();
        assertThat(batches.get(1).get(0).last()).isFalse();
    }

    @Test
    void requestLimitSplitsFile() {
        List<FileDigest> files = List.of(multipart("b", 23 * MIB));

        List<List<Presigning.FileSlice>> batches = UploadBatches.split(files, 2, 2_048 * MIB);

        assertThat(describe(batches)).containsExactly(List.of("b 0+2"), List.of("b 2+2"), List.of("b 4+1"));
    }

    @Test
    void oversizedRequestGetsBatchAlone() {
        // A single PutObject cannot be split, so it exceeds the byte limit on its own.
        List<FileDigest> files = List.of(single("a", 1), single("b", 12 * MIB), single("c", 1));

        List<List<Presigning.FileSlice>> batches = UploadBatches.split(files, 2_000, 10 * MIB);

        assertThat(describe(batches)).containsExactly(List.of("a 0+1"), List.of("b 0+1"), List.of("c 0+1"));
    }

    @Test
    void settingsRejectZeroBatchBytes() {
        assertThatThrownBy(() -> UploadSettings.defaults().withMaxBatchBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBatchBytes is 0; set it to 1 or more");
        assertThat(UploadSettings.defaults().maxBatchBytes()).isEqualTo(2_048 * MIB);
    }

    private static FileDigest single(String path, long size) {
        return new FileDigest(new LocalFile(path, size, 0), "sha", "md5", 0, List.of());
    }

    /** Returns the digest of a multipart file with 5 MiB parts, the S3 minimum for all parts but the last. */
    private static FileDigest multipart(String path, long size) {
        long partSize = 5 * MIB;
        int parts = (int) ((size + partSize - 1) / partSize);
        return new FileDigest(new LocalFile(path, size, 0), "sha", "md5", partSize, Collections.nCopies(parts, "md5"));
    }

    /** Describes each slice as path, first part index and part count, such as {@code b 1+2}. */
    private static List<List<String>> describe(List<List<Presigning.FileSlice>> batches) {
        return batches.stream()
                .map(batch -> batch.stream()
                        .map(slice -> slice.digest().file().path() + " " + slice.firstPart() + "+" + slice.partCount())
                        .toList())
                .toList();
    }
}
