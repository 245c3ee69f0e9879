package io.jenkins.plugins.sagemaker.engine.logs;

import java.util.Optional;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Kinds of failed CloudWatch Logs calls, by how the relay handles them. */
enum Failure {
    /** Reading logs is not permitted: the relay turns itself off. */
    ACCESS_DENIED,
    /** The log group or stream does not exist yet: normal early in a job. */
    NOT_FOUND,
    /** Throttled by the service: the call is repeated after a backoff. */
    THROTTLED,
    /** Any other failure, such as a server error or a timeout: repeated after a backoff. */
    OTHER;

    static Failure of(SdkException e) {
        String code = errorCode(e).orElse("");
        if (code.equals("AccessDeniedException") || code.equals("AccessDenied")) {
            return ACCESS_DENIED;
        }
        if (code.equals("ResourceNotFoundException")) {
            return NOT_FOUND;
        }
        // The SDK's own list of throttling codes includes ThrottlingException, LimitExceededException
        // and HTTP 429.
        if (e instanceof AwsServiceException && ((AwsServiceException) e).isThrottlingException()) {
            return THROTTLED;
        }
        return OTHER;
    }

    static Optional<String> errorCode(SdkException e) {
        if (e instanceof AwsServiceException) {
            AwsErrorDetails details = ((AwsServiceException) e).awsErrorDetails();
            if (details != null) {
                return Optional.ofNullable(details.errorCode());
            }
        }
        return Optional.empty();
    }
}
