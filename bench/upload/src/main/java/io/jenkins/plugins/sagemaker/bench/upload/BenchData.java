package io.jenkins.plugins.sagemaker.bench.upload;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/** Writes the benchmark's random files and deletes them afterwards. */
final class BenchData {

    private BenchData() {
    }

    /** Writes {@code count} files of {@code size} bytes of random data, so that nothing compresses. */
    static void writeLarge(Path folder, int count, long size) throws IOException {
        SplittableRandom random = new SplittableRandom(42);
        ByteBuffer buffer = ByteBuffer.allocate(1024 * 1024);
        for (int i = 0; i < count; i++) {
            try (OutputStream out = Files.newOutputStream(folder.resolve(String.format("part-%04d.bin", i)))) {
                for (long written = 0; written < size; written += buffer.capacity()) {
                    buffer.clear();
                    while (buffer.hasRemaining()) {
                        buffer.putLong(random.nextLong());
                    }
                    out.write(buffer.array(), 0, (int) Math.min(buffer.capacity(), size - written));
                }
            }
        }
    }

    /** Writes {@code count} files of {@code size} bytes in folders of 200 files. */
    static void writeSmall(Path folder, int count, int size) throws IOException {
        SplittableRandom random = new SplittableRandom(43);
        byte[] content = new byte[size];
        for (int i = 0; i < count; i++) {
            for (int b = 0; b < size; b++) {
                content[b] = (byte) random.nextInt(256);
            }
            Path sub = Files.createDirectories(folder.resolve(String.format("d%03d", i / 200)));
            Files.write(sub.resolve(String.format("file-%05d.bin", i)), content);
        }
    }

    static void deleteTree(Path folder) throws IOException {
        List<Path> paths = new ArrayList<>(UploadBenchmark.list(folder));
        paths.sort(Comparator.reverseOrder());
        for (Path path : paths) {
            Files.deleteIfExists(path);
        }
    }
}
