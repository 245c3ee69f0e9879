package io.jenkins.plugins.sagemaker.engine.upload;

import io.jenkins.plugins.sagemaker.engine.upload.agent.ByteSizes;
import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.DownloadBatch;
import io.jenkins.plugins.sagemaker.engine.upload.agent.DownloadItem;
import io.jenkins.plugins.sagemaker.engine.upload.agent.DownloadReport;
import io.jenkins.plugins.sagemaker.engine.upload.agent.ProgressSink;
import io.jenkins.plugins.sagemaker.engine.upload.agent.TransferCancelledException;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspaceAgent;
import java.io.IOException;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.GetObjectPresignRequest;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;

/**
 * Downloads a job's model artifact or output data into the workspace: the controller half. It lists
 * the objects and presigns GetObject; the {@link WorkspaceAgent} fetches them without AWS credentials.
 */
public final class ArtifactDownloader {

    private final S3Client s3;
    private final S3Presigner presigner;
    private final UploadSettings settings;

    public ArtifactDownloader(S3Client s3, S3Presigner presigner, UploadSettings settings) {
        this.s3 = s3;
        this.presigner = presigner;
        this.settings = settings;
    }

    /**
     * Downloads one object, such as {@code s3://example-bucket/job/output/model.tar.gz}, or every
     * object under a prefix written with a trailing slash, into a workspace path.
     *
     * @param s3Uri the object or prefix; a URI without a trailing slash that names no object is
     *     treated as a prefix
     * @param target the destination relative to the workspace. For one object it is the file to
     *     write, or an existing folder that receives the object under its own name. For a prefix it
     *     is the folder that receives the objects by their keys below the prefix.
     * @throws TransferCancelledException when the token is cancelled or the thread is interrupted
     */
    public DownloadReport download(String s3Uri, String target, WorkspaceAgent agent, ProgressSink sink,
            CancellationToken token) throws IOException {
        try {
            S3Prefix location = S3Prefix.parse(s3Uri);
            List<DownloadItem> items = new ArrayList<>();
            boolean singleFile = !s3Uri.trim().endsWith("/") && !location.key().isEmpty()
                    && addObject(location, items);
            if (!singleFile) {
                addPrefix(location, items);
            }
            if (items.isEmpty()) {
                throw new IOException("No objects found at " + s3Uri + "; check that the job finished and wrote "
                        + "its output there");
            }
            token.throwIfCancelled();

            DownloadReport report = agent.download(new DownloadBatch(target, singleFile, items,
                    settings.transferSettings()));
            sink.progress(String.format(Locale.ROOT, "Downloaded %,d files (%s) from %s to %s", report.files().size(),
                    ByteSizes.format(report.bytes()), s3Uri, target));
            return report;
        } catch (InterruptedException | AbortedException e) {
            Thread.currentThread().interrupt();
            throw new TransferCancelledException("Download of " + s3Uri + " was interrupted", e);
        }
    }

    private boolean addObject(S3Prefix location, List<DownloadItem> items) {
        HeadObjectResponse head;
        try {
            head = s3.headObject(builder -> builder.bucket(location.bucket()).key(location.key()));
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
        String key = location.key();
        String name = key.substring(key.lastIndexOf('/') + 1);
        items.add(item(location.bucket(), key, name, head.contentLength()));
        return true;
    }

    private void addPrefix(S3Prefix location, List<DownloadItem> items) {
        String prefix = location.listPrefix();
        for (S3Object object : s3.listObjectsV2Paginator(builder -> builder.bucket(location.bucket()).prefix(prefix))
                .contents()) {
            // Keys ending in a slash are folder markers of the S3 console, not files.
            if (!object.key().endsWith("/")) {
                items.add(item(location.bucket(), object.key(), object.key().substring(prefix.length()),
                        object.size()));
            }
        }
    }

    private DownloadItem item(String bucket, String key, String path, long size) {
        PresignedGetObjectRequest presigned = presigner.presignGetObject(GetObjectPresignRequest.builder()
                .signatureDuration(settings.presignDuration())
                .getObjectRequest(builder -> builder.bucket(bucket).key(key))
                .build());
        try {
            return new DownloadItem(path, size, presigned.url().toURI(), "s3://" + bucket + "/" + key);
        } catch (URISyntaxException e) {
            throw new IllegalStateException("The SDK returned an invalid presigned URL", e);
        }
    }
}
