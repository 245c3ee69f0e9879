package io.jenkins.plugins.sagemaker.engine.upload.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileHashingTest {

    private static final long MIB = 1024L * 1024;
    private static final TransferSettings SETTINGS = new TransferSettings(2, 5_000, 1);

    @TempDir
    Path workspace;

    @Test
    void smallFileGetsWholeMd5() throws Exception {
        byte[] content = "a,b\n1,2\n".getBytes();
        Files.write(workspace.resolve("a.csv"), content);
        LocalFile file = WorkspacePaths.list(workspace, "a.csv").files().get(0);

        FileDigest digest = hash(new HashRequest("", List.of(file), 16 * MIB, 16 * MIB, SETTINGS)).get(0);

        assertThat(digest.multipart()).isFalse();
        assertThat(digest.md5Base64()).isEqualTo(base64("MD5", content));
        assertThat(digest.sha256Hex()).isEqualTo(HexFormat.of().formatHex(digest("SHA-256", content)));
        assertThat(digest.partMd5Base64()).isEmpty();
        assertThat(digest.file().size()).isEqualTo(content.length);
    }

    @Test
    void largeFileGetsPartMd5s() throws Exception {
        byte[] content = new byte[(int) (12 * MIB + 123)];
        new Random(7).nextBytes(content);
        Files.write(workspace.resolve("big.bin"), content);
        LocalFile file = WorkspacePaths.list(workspace, "big.bin").files().get(0);

        FileDigest digest = hash(new HashRequest("", List.of(file), 5 * MIB, 5 * MIB, SETTINGS)).get(0);

        assertThat(digest.multipart()).isTrue();
        assertThat(digest.partSize()).isEqualTo(5 * MIB);
        assertThat(digest.md5Base64()).isNull();
        assertThat(digest.partMd5Base64()).containsExactly(
                base64("MD5", Arrays.copyOfRange(content, 0, (int) (5 * MIB))),
                base64("MD5", Arrays.copyOfRange(content, (int) (5 * MIB), (int) (10 * MIB))),
                base64("MD5", Arrays.copyOfRange(content, (int) (10 * MIB), content.length)));
        assertThat(digest.sha256Hex()).isEqualTo(HexFormat.of().formatHex(digest("SHA-256", content)));
    }

    @Test
    void partSizeGrowsBeyondMaxParts() {
        HashRequest request = new HashRequest("", List.of(), 16 * MIB, 16 * MIB, SETTINGS);

        assertThat(request.partSizeFor(16 * MIB - 1)).isZero();
        assertThat(request.partSizeFor(16 * MIB)).isEqualTo(16 * MIB);
        assertThat(request.partSizeFor(10_000 * 16 * MIB)).isEqualTo(16 * MIB);
        assertThat(request.partSizeFor(10_000 * 16 * MIB + 1)).isEqualTo(17 * MIB);
    }

    @Test
    void partSizeBelowS3MinimumRejected() {
        assertThatThrownBy(() -> new HashRequest("", List.of(), MIB, MIB, SETTINGS))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partSize is 1048576 bytes");
    }

    @Test
    void cancelledTokenStopsHashing() throws IOException {
        Files.writeString(workspace.resolve("a.csv"), "a");
        LocalFile file = WorkspacePaths.list(workspace, "a.csv").files().get(0);
        CancellationToken token = new CancellationToken();
        token.cancel();

        assertThatThrownBy(() -> new FileHashing(workspace, ProgressSink.NONE, token)
                .hash(new HashRequest("", List.of(file), 16 * MIB, 16 * MIB, SETTINGS)))
                .isInstanceOf(TransferCancelledException.class);
    }

    private List<FileDigest> hash(HashRequest request) throws IOException {
        return new FileHashing(workspace, ProgressSink.NONE, CancellationToken.none()).hash(request);
    }

    private static String base64(String algorithm, byte[] content) throws NoSuchAlgorithmException {
        return Base64.getEncoder().encodeToString(digest(algorithm, content));
    }

    private static byte[] digest(String algorithm, byte[] content) throws NoSuchAlgorithmException {
        return MessageDigest.getInstance(algorithm).digest(content);
    }
}
