package io.jenkins.plugins.sagemaker.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

/** Builds the small {@code model.tar.gz} that a completed emulated job uploads: a gzip-compressed POSIX tar. */
public final class ModelArchive {

    private static final int BLOCK = 512;

    private ModelArchive() {
    }

    /** Returns a gzip-compressed tar holding one regular file. */
    public static byte[] create(String fileName, String content, long modifiedEpochSeconds) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(compressed)) {
            gzip.write(header(fileName, data.length, modifiedEpochSeconds));
            gzip.write(data);
            gzip.write(new byte[padding(data.length)]);
            // A tar archive ends with two zero-filled blocks.
            gzip.write(new byte[2 * BLOCK]);
        } catch (IOException e) {
            throw new UncheckedIOException("writing an in-memory archive failed", e);
        }
        return compressed.toByteArray();
    }

    /** Builds a ustar header block (POSIX.1-1988): octal numeric fields, checksum over the block with its own field as spaces. */
    private static byte[] header(String fileName, long size, long modifiedEpochSeconds) {
        byte[] name = fileName.getBytes(StandardCharsets.UTF_8);
        if (name.length > 100) {
            throw new IllegalArgumentException("tar file names are limited to 100 bytes, got " + name.length + ": " + fileName);
        }
        byte[] block = new byte[BLOCK];
        System.arraycopy(name, 0, block, 0, name.length);
        putOctal(block, 100, 8, 0644);
        putOctal(block, 108, 8, 0);
        putOctal(block, 116, 8, 0);
        putOctal(block, 124, 12, size);
        putOctal(block, 136, 12, modifiedEpochSeconds);
        block[156] = '0';
        putAscii(block, 257, "ustar");
        putAscii(block, 263, "00");

        for (int i = 148; i < 156; i++) {
            block[i] = ' ';
        }
        long checksum = 0;
        for (byte b : block) {
            checksum += b & 0xff;
        }
        String digits = String.format("%06o", checksum);
        putAscii(block, 148, digits);
        block[154] = 0;
        block[155] = ' ';
        return block;
    }

    private static void putOctal(byte[] block, int offset, int length, long value) {
        String digits = String.format("%0" + (length - 1) + "o", value);
        putAscii(block, offset, digits);
        block[offset + length - 1] = 0;
    }

    private static void putAscii(byte[] block, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, block, offset, bytes.length);
    }

    private static int padding(int size) {
        int remainder = size % BLOCK;
        return remainder == 0 ? 0 : BLOCK - remainder;
    }
}
