package io.jenkins.plugins.sagemaker.engine.upload;

import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.LocalFile;
import io.jenkins.plugins.sagemaker.engine.upload.agent.ParallelTasks;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Reads what an earlier upload stored under a prefix: object sizes from ListObjectsV2 and the
 * content hash and source modification time from the user metadata of each object (HeadObject).
 */
final class StoredObjects {

    /** User metadata with the SHA-256 of the object, in lower-case hex: {@code x-amz-meta-sha256}. */
    static final String SHA256 = "sha256";

    /** User metadata with the source file's modification time in ms since the epoch. */
    static final String SOURCE_MTIME = "source-mtime-ms";

    /**
     * An object that an upload of this package wrote.
     *
     * @param size the object size in bytes
     * @param sha256Hex the SHA-256 from the metadata
     * @param sourceModifiedMillis the source file's modification time from the metadata, or -1
     */
    record Stored(long size, String sha256Hex, long sourceModifiedMillis) {
    }

    private final S3Client s3;

    StoredObjects(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * Returns the stored objects, by key, that have the key and size of one of the files. Objects
     * without the SHA-256 metadata are left out, since they cannot prove equal content.
     */
    Map<String, Stored> find(S3Prefix prefix, List<LocalFile> files, int threads, CancellationToken token)
            throws IOException {
        Map<String, Long> sizes = new HashMap<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(prefix.bucket())
                .prefix(prefix.listPrefix())
                .build();
        for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
            sizes.put(object.key(), object.size());
        }

        List<String> candidates = new ArrayList<>();
        for (LocalFile file : files) {
            String key = prefix.keyFor(file.path());
            Long size = sizes.get(key);
            if (size != null && size == file.size()) {
                candidates.add(key);
            }
        }

        List<Callable<Stored>> heads = new ArrayList<>();
        for (String key : candidates) {
            heads.add(() -> head(prefix.bucket(), key));
        }
        List<Stored> stored = ParallelTasks.run(heads, threads, token);

        Map<String, Stored> result = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (stored.get(i) != null) {
                result.put(candidates.get(i), stored.get(i));
            }
        }
        return result;
    }

    private Stored head(String bucket, String key) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(builder -> builder.bucket(bucket).key(key));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                // Deleted between the listing and now, so it is uploaded again.
                return null;
            }
            throw e;
        }
        String sha256 = head.metadata().get(SHA256);
        if (sha256 == null) {
            return null;
        }
        long modified = -1;
        String mtime = head.metadata().get(SOURCE_MTIME);
        if (mtime != null) {
            try {
                modified = Long.parseLong(mtime);
            } catch (NumberFormatException e) {
                modified = -1;
            }
        }
        return new Stored(head.contentLength(), sha256, modified);
    }
}
