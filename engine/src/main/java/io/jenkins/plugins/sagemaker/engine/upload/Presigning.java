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
import java.util.LinkedHashMap;
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

    /** Presigned requests of one batch and the multipart uploads they belong to, by file path. */
    record Batch(List<PartUpload> parts, Map<String, OpenUpload> multipart) {
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

    Batch presign(S3Prefix destination, List<FileDigest> files, OpenUploads open, int threads, CancellationToken token)
            throws IOException {
        Map<String, OpenUpload> multipart = new LinkedHashMap<>();
        for (FileDigest digest : files) {
            if (digest.multipart()) {
                String key = destination.keyFor(digest.file().path());
                CreateMultipartUploadResponse created = s3.createMultipartUpload(builder -> builder
                        .bucket(destination.bucket()).key(key).metadata(metadata(digest)));
                OpenUpload upload = new OpenUpload(destination.bucket(), key, created.uploadId());
                open.add(upload);
                multipart.put(digest.file().path(), upload);
            }
        }

        // Signing is CPU work of about a tenth of a millisecond per URL, so it runs in parallel too.
        List<Callable<List<PartUpload>>> tasks = new ArrayList<>();
        for (FileDigest digest : files) {
            tasks.add(() -> digest.multipart()
                    ? presignParts(destination, digest, multipart.get(digest.file().path()))
                    : List.of(presignPut(destination, digest)));
        }
        List<PartUpload> parts = new ArrayList<>();
        for (List<PartUpload> fileParts : ParallelTasks.run(tasks, threads, token)) {
            parts.addAll(fileParts);
        }
        return new Batch(parts, multipart);
    }

    void complete(S3Prefix destination, Batch batch, List<PartResult> results, OpenUploads open) {
        Map<String, List<CompletedPart>> partsByPath = new HashMap<>();
        for (PartResult result : results) {
            if (result.partNumber() > 0) {
                partsByPath.computeIfAbsent(result.path(), path -> new ArrayList<>())
                        .add(CompletedPart.builder().partNumber(result.partNumber()).eTag(result.eTag()).build());
            }
        }
        for (Map.Entry<String, OpenUpload> entry : batch.multipart().entrySet()) {
            OpenUpload upload = entry.getValue();
            List<CompletedPart> parts = partsByPath.getOrDefault(entry.getKey(), new ArrayList<>());
            parts.sort(Comparator.comparing(CompletedPart::partNumber));
            s3.completeMultipartUpload(builder -> builder.bucket(upload.bucket()).key(upload.key())
                    .uploadId(upload.uploadId())
                    .multipartUpload(CompletedMultipartUpload.builder().parts(parts).build()));
            open.remove(upload);
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

    private List<PartUpload> presignParts(S3Prefix destination, FileDigest digest, OpenUpload upload) {
        long size = digest.file().size();
        List<PartUpload> parts = new ArrayList<>();
        for (int index = 0; index < digest.partMd5Base64().size(); index++) {
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
