package io.jenkins.plugins.sagemaker.engine.upload;

import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.FileDigest;
import io.jenkins.plugins.sagemaker.engine.upload.agent.ParallelTasks;
import io.jenkins.plugins.sagemaker.engine.upload.agent.PartResult;
import io.jenkins.plugins.sagemaker.engine.upload.agent.PartUpload;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import software.amazon.awssdk.awscore.presigner.PresignedRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PutObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.UploadPartPresignRequest;

/**
 * Controller-side S3 calls of an upload: CreateMultipartUpload, presigned PutObject and UploadPart
 * URLs with a signed {@code Content-MD5}, and CompleteMultipartUpload. Because {@code Content-MD5}
 * is a signed header, the agent cannot drop it, and S3 rejects a body that does not match it.
 */
final class Presigning {

    /** A multipart upload that is created but not completed yet. */
    record OpenUpload(String bucket, String key, String uploadId) {
    }

    /** Multipart uploads to abort when the upload fails. */
    static final class OpenUploads {

        private final List<OpenUpload> uploads = new ArrayList<>();

        synchronized void add(OpenUpload upload) {
            uploads.add(upload);
        }

        synchronized void remove(OpenUpload upload) {
            uploads.remove(upload);
        }

        synchronized List<OpenUpload> drain() {
            List<OpenUpload> all = List.copyOf(uploads);
            uploads.clear();
            return all;
        }
    }

    /**
     * The requests of one file that a batch sends: the single PutObject of a small file, or the parts
     * {@code firstPart} to {@code firstPart + partCount - 1} (counted from 0) of a multipart upload.
     */
    record FileSlice(FileDigest digest, int firstPart, int partCount) {

        /** Returns the whole file as one slice. */
        static FileSlice whole(FileDigest digest) {
            return new FileSlice(digest, 0, requestCount(digest));
        }

        long bytes() {
            if (!digest.multipart()) {
                return digest.file().size();
            }
            long end = Math.min(digest.file().size(), (firstPart + partCount) * digest.partSize());
            return end - firstPart * digest.partSize();
        }

        /** Returns whether this slice contains the file's last request, so that the file is done with it. */
        boolean last() {
            return firstPart + partCount == requestCount(digest);
        }
    }

    /** Presigned requests of one batch and the file slices they belong to. */
    record Batch(List<PartUpload> parts, List<FileSlice> slices) {
    }

    /**
     * Multipart uploads of one {@code sendAll} call that stay open from the batch with their first
     * part to the batch with their last, and the parts stored so far, by file path.
     */
    static final class Multipart {

        private final Map<String, OpenUpload> uploads = new HashMap<>();
        private final Map<String, List<CompletedPart>> storedParts = new HashMap<>();

        boolean isEmpty() {
            return uploads.isEmpty();
        }
    }

    private final S3Client s3;
    private final S3Presigner presigner;
    private final Duration duration;

    Presigning(S3Client s3, S3Presigner presigner, Duration duration) {
        this.s3 = s3;
        this.presigner = presigner;
        this.duration = duration;
    }

    static int requestCount(FileDigest digest) {
        return digest.multipart() ? digest.partMd5Base64().size() : 1;
    }

    /**
     * Presigns the requests of the slices. A slice with a file's first part creates its multipart
     * upload, and a later slice signs parts of the upload that an earlier batch created.
     */
    Batch presign(S3Prefix destination, List<FileSlice> slices, Multipart multipart, OpenUploads open, int threads,
            CancellationToken token) throws IOException {
        Map<String, OpenUpload> uploads = new HashMap<>();
        for (FileSlice slice : slices) {
            FileDigest digest = slice.digest();
            if (!digest.multipart()) {
                continue;
            }
            String path = digest.file().path();
            OpenUpload upload = multipart.uploads.get(path);
            if (slice.firstPart() == 0) {
                String key = destination.keyFor(path);
                CreateMultipartUploadResponse created = s3.createMultipartUpload(builder -> builder
                        .bucket(destination.bucket()).key(key).metadata(metadata(digest)));
                upload = new OpenUpload(destination.bucket(), key, created.uploadId());
                open.add(upload);
                multipart.uploads.put(path, upload);
                multipart.storedParts.put(path, new ArrayList<>());
            } else if (upload == null) {
                throw new IllegalStateException("No multipart upload is open for " + path + " at part "
                        + (slice.firstPart() + 1));
            }
            uploads.put(path, upload);
        }

        // Signing is CPU work of about a tenth of a millisecond per URL, so it runs in parallel too.
        List<Callable<List<PartUpload>>> tasks = new ArrayList<>();
        for (FileSlice slice : slices) {
            tasks.add(() -> slice.digest().multipart()
                    ? presignParts(destination, slice, uploads.get(slice.digest().file().path()))
                    : List.of(presignPut(destination, slice.digest())));
        }
        List<PartUpload> parts = new ArrayList<>();
        for (List<PartUpload> fileParts : ParallelTasks.run(tasks, threads, token)) {
            parts.addAll(fileParts);
        }
        return new Batch(parts, List.copyOf(slices));
    }

    /**
     * Records the parts that a batch stored and completes the multipart uploads whose last part was
     * in it, with the ETags of all their parts in part order.
     */
    void complete(Batch batch, List<PartResult> results, Multipart multipart, OpenUploads open) {
        for (PartResult result : results) {
            if (result.partNumber() > 0) {
                multipart.storedParts.get(result.path())
                        .add(CompletedPart.builder().partNumber(result.partNumber()).eTag(result.eTag()).build());
            }
        }
        for (FileSlice slice : batch.slices()) {
            if (!slice.digest().multipart() || !slice.last()) {
                continue;
            }
            String path = slice.digest().file().path();
            OpenUpload upload = multipart.uploads.get(path);
            List<CompletedPart> parts = multipart.storedParts.get(path);
            parts.sort(Comparator.comparing(CompletedPart::partNumber));
            // S3 would complete an upload with a missing part and store a shorter object.
            int expected = slice.digest().partMd5Base64().size();
            if (parts.size() != expected) {
                throw new IllegalStateException("Multipart upload of " + path + " has " + parts.size()
                        + " stored parts, expected " + expected);
            }
            s3.completeMultipartUpload(builder -> builder.bucket(upload.bucket()).key(upload.key())
                    .uploadId(upload.uploadId())
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
            open.remove(upload);
            multipart.uploads.remove(path);
            multipart.storedParts.remove(path);
        }
    }

    private PartUpload presignPut(S3Prefix destination, FileDigest digest) {
        String key = destination.keyFor(digest.file().path());
        PutObjectRequest put = PutObjectRequest.builder()
                .bucket(destination.bucket())
                .key(key)
                .contentMD5(digest.md5Base64())
                .metadata(metadata(digest))
                .build();
        PresignedRequest presigned = presigner.presignPutObject(PutObjectPresignRequest.builder()
                .signatureDuration(duration)
                .putObjectRequest(put)
                .build());
        long size = digest.file().size();
        return new PartUpload(digest.file().path(), 0, 0, size, size, toUri(presigned), headers(presigned),
                destination.objectUri(key));
    }

    private List<PartUpload> presignParts(S3Prefix destination, FileSlice slice, OpenUpload upload) {
        FileDigest digest = slice.digest();
        long size = digest.file().size();
        List<PartUpload> parts = new ArrayList<>();
        for (int index = slice.firstPart(); index < slice.firstPart() + slice.partCount(); index++) {
            int partNumber = index + 1;
            long offset = index * digest.partSize();
            long length = Math.min(digest.partSize(), size - offset);
            UploadPartRequest part = UploadPartRequest.builder()
                    .bucket(upload.bucket())
                    .key(upload.key())
                    .uploadId(upload.uploadId())
                    .partNumber(partNumber)
                    .contentMD5(digest.partMd5Base64().get(index))
                    .build();
            PresignedRequest presigned = presigner.presignUploadPart(UploadPartPresignRequest.builder()
                    .signatureDuration(duration)
                    .uploadPartRequest(part)
                    .build());
            parts.add(new PartUpload(digest.file().path(), partNumber, offset, length, size, toUri(presigned),
                    headers(presigned), destination.objectUri(upload.key())));
        }
        return parts;
    }

    private static Map<String, String> metadata(FileDigest digest) {
        return Map.of(StoredObjects.SHA256, digest.sha256Hex(),
                StoredObjects.SOURCE_MTIME, Long.toString(digest.file().modifiedMillis()));
    }

    private static Map<String, String> headers(PresignedRequest presigned) {
        Map<String, String> headers = new HashMap<>();
        presigned.signedHeaders().forEach((name, values) -> {
            if (!name.toLowerCase(Locale.ROOT).equals("host")) {
                headers.put(name, String.join(",", values));
            }
        });
        return headers;
    }

    private static URI toUri(PresignedRequest presigned) {
        try {
            return presigned.url().toURI();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The SDK returned an invalid presigned URL", e);
        }
    }
}
