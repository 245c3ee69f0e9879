package io.jenkins.plugins.sagemaker.cli;

import java.util.Collection;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Console lines for AWS SDK errors that end the run, each with what failed and what to check. */
final class AwsErrorMessages {

    /** Error codes of AWS services that reject the caller's credentials or the request signature. */
    private static final Set<String> CREDENTIAL_ERRORS = Set.of("SignatureDoesNotMatch", "InvalidAccessKeyId",
            "InvalidClientTokenId", "UnrecognizedClientException", "ExpiredToken", "ExpiredTokenException",
            "InvalidToken", "RequestTimeTooSkewed");

    private static final Set<String> ACCESS_ERRORS = Set.of("AccessDenied", "AccessDeniedException");

    private AwsErrorMessages() {
    }

    /**
     * Returns the line, without the {@code ERROR: } prefix.
     *
     * @param buckets the buckets that the job description names, for a NoSuchBucket error: the SDK
     *     (2.40) drops the XML body in which S3 names the bucket, so the line lists these instead
     */
    static String describe(SdkException e, Collection<String> buckets) {
        if (e instanceof AwsServiceException service && service.awsErrorDetails() != null) {
            return describeService(service, service.awsErrorDetails(), buckets);
        }
        return "an AWS call failed before AWS answered: " + clientMessage(e) + " Check the region, the endpoint URLs "
                + "in the job description, the network and the proxy settings.";
    }

    private static String describeService(AwsServiceException e, AwsErrorDetails details, Collection<String> buckets) {
        String code = details.errorCode() != null ? details.errorCode() : "no error code";
        String message = details.errorMessage() != null ? details.errorMessage() : e.getMessage();
        String line = "an AWS call to " + details.serviceName() + " failed with " + code + " (HTTP " + e.statusCode()
                + "): " + message;
        if (e.requestId() != null) {
            line += " (request ID " + e.requestId() + ")";
        }
        return line + ". " + hint(code, buckets);
    }

    private static String hint(String code, Collection<String> buckets) {
        if ("NoSuchBucket".equals(code)) {
            return "Check that the buckets that the job description names (" + String.join(", ", buckets)
                    + ") exist in this account, and create the missing one or fix its S3 URI.";
        }
        if (CREDENTIAL_ERRORS.contains(code)) {
            return "Check the AWS credentials (access key, secret key and session token) and this machine's clock.";
        }
        if (ACCESS_ERRORS.contains(code)) {
            return "Check that the IAM policy of the credentials allows this call on this resource.";
        }
        return "Check the job description's values and the AWS account.";
    }

    /** Returns the SDK's message, which names the host and the cause (for example "Connection refused"), as a sentence. */
    private static String clientMessage(SdkException e) {
        String message = e.getMessage() != null ? e.getMessage().strip() : e.getClass().getSimpleName();
        return message.endsWith(".") ? message : message + ".";
    }
}
