package io.jenkins.plugins.sagemaker.engine.run;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkException;

/** Classifies SDK errors and words them for the build console. */
public final class AwsErrors {

    private AwsErrors() {
    }

    /** Throttling, HTTP 5xx, timeouts and I/O errors: worth retrying. */
    static boolean isTransient(SdkException e) {
        if (isInterruption(e)) {
            return false;
        }
        if (e instanceof AwsServiceException) {
            AwsServiceException service = (AwsServiceException) e;
            return service.isThrottlingException() || service.statusCode() >= 500 || service.statusCode() == 429;
        }
        if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
            return true;
        }
        return hasCause(e, IOException.class);
    }

    /** An SDK call aborted because the calling thread was interrupted. */
    static boolean isInterruption(SdkException e) {
        if (e instanceof AbortedException) {
            return true;
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException || cause instanceof ClosedByInterruptException) {
                return true;
            }
            if (cause instanceof InterruptedIOException && !(cause instanceof SocketTimeoutException)) {
                return true;
            }
        }
        return false;
    }

    static boolean isThrottling(SdkException e) {
        return e instanceof AwsServiceException && ((AwsServiceException) e).isThrottlingException();
    }

    /** The AWS error code, or {@code null} for client-side errors. */
    static String errorCode(SdkException e) {
        if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
            return ((AwsServiceException) e).awsErrorDetails().errorCode();
        }
        return null;
    }

    static boolean hasErrorCode(SdkException e, String code) {
        return code.equals(errorCode(e));
    }

    /** The AWS error message without the SDK's appended request details. */
    static String errorMessage(SdkException e) {
        if (e instanceof AwsServiceException && ((AwsServiceException) e).awsErrorDetails() != null) {
            String message = ((AwsServiceException) e).awsErrorDetails().errorMessage();
            if (message != null) {
                return message;
            }
        }
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root == e || root.getMessage() == null ? e.getMessage() : root.getMessage();
    }

    /** Returns "code: message", or the message alone for client-side errors. */
    public static String describe(SdkException e) {
        String code = errorCode(e);
        return code == null ? errorMessage(e) : code + ": " + errorMessage(e);
    }

    /** The warning printed once at the start of a retry streak. */
    static String retryWarning(String operation, SdkException e) {
        if (isThrottling(e)) {
            return operation + " was throttled; retrying with backoff.";
        }
        if (e instanceof AwsServiceException) {
            return operation + " failed with HTTP " + ((AwsServiceException) e).statusCode() + " ("
                    + describe(e) + "); retrying with backoff.";
        }
        return operation + " could not reach AWS (" + describe(e) + "); retrying with backoff.";
    }

    /** Returns whether the error is SageMaker's ValidationException for a resource that does not exist. */
    public static boolean isNotFound(SdkException e) {
        String message = errorMessage(e);
        return hasErrorCode(e, "ValidationException") && message != null
                && message.toLowerCase(java.util.Locale.ROOT).contains("not found");
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
