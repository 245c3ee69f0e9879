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
 * The same listing finds the objects that match no file, which a job reading the prefix would read too.
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

    /**
     * Objects under the prefix whose keys match no file of the upload: left over from earlier uploads.
     *
     * @param count the number of such objects
     * @param examples the first keys, relative to the prefix, in listing order; at most
     *     {@link #MAX_EXAMPLES}
     */
    record OtherObjects(int count, List<String> examples) {

        static final int MAX_EXAMPLES = 3;

        OtherObjects {
            examples = List.copyOf(examples);
        }
    }

    /**
     * The result of one listing of the prefix.
     *
     * @param copies the stored objects, by key, that have the key and size of one of the files and
     *     the SHA-256 metadata
     * @param others the objects whose keys match none of the files
     */
    record Found(Map<String, Stored> copies, OtherObjects others) {
    }

    private final S3Client s3;

    StoredObjects(S3Client s3) {
        this.s3 = s3;
    }

    /**
     * Lists the prefix once and returns the stored copies of the files and the other objects. Objects
     * without the SHA-256 metadata are left out of the copies, since they cannot prove equal content.
     */
    Found find(S3Prefix prefix, List<LocalFile> files, int threads, CancellationToken token) throws IOException {
        Map<String, LocalFile> filesByKey = new HashMap<>();
        for (LocalFile file : files) {
            filesByKey.put(prefix.keyFor(file.path()), file);
        }

        List<String> candidates = new ArrayList<>();
        int otherCount = 0;
        List<String> otherExamples = new ArrayList<>();
        ListObjectsV2Request request = ListObjectsV2Request.builder()
                .bucket(prefix.bucket())
                .prefix(prefix.listPrefix())
                .build();
        for (S3Object object : s3.listObjectsV2Paginator(request).contents()) {
            LocalFile file = filesByKey.get(object.key());
            if (file != null) {
                if (object.size() == file.size()) {
                    candidates.add(object.key());
                }
            } else if (!isFolderMarker(object)) {
                otherCount++;
                if (otherExamples.size() < OtherObjects.MAX_EXAMPLES) {
                    otherExamples.add(object.key().substring(prefix.listPrefix().length()));
                }
            }
        }

        List<Callable<Stored>> heads = new ArrayList<>();
        for (String key : candidates) {
            heads.add(() -> head(prefix.bucket(), key));
        }
        List<Stored> stored = ParallelTasks.run(heads, threads, token);

        Map<String, Stored> copies = new HashMap<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (stored.get(i) != null) {
                copies.put(candidates.get(i), stored.get(i));
            }
        }
        return new Found(copies, new OtherObjects(otherCount, otherExamples));
    }

    /**
     * Returns whether the object is an empty key ending in '/', as the S3 console's "Create folder"
     * writes. It contains no data, so it is not reported as a left-over file.
     */
    private static boolean isFolderMarker(S3Object object) {
        return object.key().endsWith("/") && object.size() == 0;
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
