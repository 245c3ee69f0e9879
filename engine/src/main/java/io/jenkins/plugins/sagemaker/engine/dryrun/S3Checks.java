package io.jenkins.plugins.sagemaker.engine.dryrun;

import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;

/**
 * Checks the S3 locations of a job with the caller's credentials: every input channel's S3 URI must
 * match at least one object (ListObjectsV2 with MaxKeys 1) and the output bucket must exist
 * (HeadBucket). The training job's role may see other objects than the caller, so access denied is a
 * warning, not a problem.
 */
final class S3Checks {

    private static final Logger LOGGER = Logger.getLogger(S3Checks.class.getName());

    private final S3Client s3;
    private final List<ValidationProblem> problems;
    private final List<String> warnings;

    S3Checks(S3Client s3, List<ValidationProblem> problems, List<String> warnings) {
        this.s3 = s3;
        this.problems = problems;
        this.warnings = warnings;
    }

    void check(TrainingJobSpec spec, Set<String> workspaceChannels) {
        List<ChannelSpec> channels = spec.getChannels();
        for (int i = 0; i < channels.size(); i++) {
            ChannelSpec channel = channels.get(i);
            if (!channel.isFromWorkspace() && !workspaceChannels.contains(channel.getName())) {
                checkInput("channels[" + i + "].s3Uri", channel.getS3Uri());
            } else if (channel.getS3Uri() != null) {
                // The upload writes there, so the bucket must exist even though the prefix may be empty.
                checkBucket("channels[" + i + "].s3Uri", channel.getS3Uri());
            }
        }
        checkBucket("outputPath", spec.getOutputPath());
    }

    private void checkInput(String field, String uri) {
        Location location = Location.parse(uri);
        if (location == null) {
            return;
        }
        try {
            // For S3Prefix data the URI is a key prefix. For manifest files it is the object's key,
            // which is a prefix of itself. Either way one listed key proves that data is there.
            ListObjectsV2Response listing = s3.listObjectsV2(request -> request
                    .bucket(location.bucket())
                    .prefix(location.key())
                    .maxKeys(1));
            if (listing.contents().isEmpty()) {
                problems.add(new ValidationProblem(field, uri, "at least one object",
                        field + " \"" + uri + "\" contains no objects: upload the channel's data there or "
                                + "correct the URI (at least one object)."));
            }
        } catch (NoSuchBucketException e) {
            problems.add(bucketNotFound(field, uri, location.bucket()));
        } catch (AbortedException e) {
            throw e;
        } catch (AwsServiceException | SdkClientException e) {
            warn("ListObjectsV2", uri, e);
        }
    }

    private void checkBucket(String field, String uri) {
        Location location = Location.parse(uri);
        if (location == null) {
            return;
        }
        try {
            s3.headBucket(request -> request.bucket(location.bucket()));
        } catch (NoSuchBucketException e) {
            problems.add(bucketNotFound(field, uri, location.bucket()));
        } catch (AbortedException e) {
            throw e;
        } catch (AwsServiceException e) {
            // HeadBucket responses have no body, so a missing bucket may arrive as a bare 404.
            if (e.statusCode() == 404) {
                problems.add(bucketNotFound(field, uri, location.bucket()));
            } else {
                warn("HeadBucket", uri, e);
            }
        } catch (SdkClientException e) {
            warn("HeadBucket", uri, e);
        }
    }

    private static ValidationProblem bucketNotFound(String field, String uri, String bucket) {
        return new ValidationProblem(field, uri, "an existing bucket",
                field + " \"" + uri + "\" is invalid: bucket " + bucket + " was not found. Create the bucket or "
                        + "correct the URI (an existing bucket).");
    }

    private void warn(String operation, String uri, SdkException e) {
        LOGGER.log(Level.FINE, operation + " failed for " + uri, e);
        String reason = e instanceof AwsServiceException service && service.awsErrorDetails() != null
                ? service.awsErrorDetails().errorCode() + ", HTTP " + service.statusCode()
                : e.getMessage();
        warnings.add(operation + " failed for " + uri + " (" + reason + "), so that location was not checked.");
    }

    /** A bucket and the key text after it, exactly as written in an {@code s3://} URI. */
    private record Location(String bucket, String key) {

        /** Returns null for a URI that is not {@code s3://bucket[/key]}, because SpecValidator reports those. */
        static Location parse(String uri) {
            if (uri == null || !uri.startsWith("s3://")) {
                return null;
            }
            String rest = uri.substring("s3://".length());
            int slash = rest.indexOf('/');
            String bucket = slash < 0 ? rest : rest.substring(0, slash);
            String key = slash < 0 ? "" : rest.substring(slash + 1);
            return bucket.isEmpty() ? null : new Location(bucket, key);
        }
    }
}
