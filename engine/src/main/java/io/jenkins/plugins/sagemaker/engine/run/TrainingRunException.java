package io.jenkins.plugins.sagemaker.engine.run;

import java.util.Optional;

/**
 * A run failed for a reason that retrying does not fix: access denied, invalid request, a job name
 * taken by another run, or transient errors that outlasted the retry limit. The message is written
 * for the build console.
 */
public class TrainingRunException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    public TrainingRunException(String message, String errorCode, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    public TrainingRunException(String message) {
        this(message, null, null);
    }

    /** The AWS error code, for example {@code AccessDeniedException}, when AWS returned one. */
    public Optional<String> errorCode() {
        return Optional.ofNullable(errorCode);
    }
}
