package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Callable;

/** Computes SHA-256 and MD5 digests of workspace files in one read per file. */
final class FileHashing {

    /** Read buffer per thread: 256 KiB. */
    private static final int BUFFER_BYTES = 256 * 1024;

    private final Path workspace;
    private final ProgressSink sink;
    private final CancellationToken token;

    FileHashing(Path workspace, ProgressSink sink, CancellationToken token) {
        this.workspace = workspace;
        this.sink = sink;
        this.token = token;
    }

    List<FileDigest> hash(HashRequest request) throws IOException {
        long totalBytes = request.files().stream().mapToLong(LocalFile::size).sum();
        ProgressTotals totals = new ProgressTotals(request.files().size(), totalBytes, 0, 0);
        ProgressMeter meter = new ProgressMeter("Hashing", totals, request.settings().progressIntervalMillis(), sink);

        List<Callable<FileDigest>> tasks = new ArrayList<>();
        for (LocalFile file : request.files()) {
            tasks.add(() -> hashFile(request, file, meter));
        }
        return ParallelTasks.run(tasks, request.settings().threads(), token);
    }

    private FileDigest hashFile(HashRequest request, LocalFile listed, ProgressMeter meter) throws IOException {
        Path path = WorkspacePaths.uploadFile(workspace, request.root(), listed.path());
        BasicFileAttributes before = Files.readAttributes(path, BasicFileAttributes.class);
        long partSize = request.partSizeFor(before.size());

        MessageDigest sha256 = digest("SHA-256");
        MessageDigest md5 = digest("MD5");
        List<String> partMd5 = new ArrayList<>();
        byte[] buffer = new byte[BUFFER_BYTES];
        long size = 0;
        long partFilled = 0;
        try (InputStream in = Files.newInputStream(path)) {
            int read;
            while ((read = in.read(buffer)) > 0) {
                token.throwIfCancelled();
                sha256.update(buffer, 0, read);

                // Split the buffer at part boundaries so that each part gets its own MD5.
                int offset = 0;
                while (offset < read) {
                    int chunk = read - offset;
                    if (partSize > 0) {
                        chunk = (int) Math.min(chunk, partSize - partFilled);
                    }
                    md5.update(buffer, offset, chunk);
                    offset += chunk;
                    partFilled += chunk;
                    if (partSize > 0 && partFilled == partSize) {
                        partMd5.add(base64(md5.digest()));
                        partFilled = 0;
                    }
                }
                size += read;
                meter.addBytes(read);
            }
        }

        String wholeMd5 = null;
        if (partSize == 0) {
            wholeMd5 = base64(md5.digest());
        } else if (partFilled > 0 || partMd5.isEmpty()) {
            partMd5.add(base64(md5.digest()));
        }
        meter.fileDone();

        LocalFile hashed = new LocalFile(listed.path(), size, before.lastModifiedTime().toMillis());
        return new FileDigest(hashed, HexFormat.of().formatHex(sha256.digest()), wholeMd5, partSize, partMd5);
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            // Every Java platform must provide MD5 and SHA-256 (java.security.MessageDigest).
            throw new IllegalStateException(algorithm + " is not available", e);
        }
    }

    private static String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }
}
