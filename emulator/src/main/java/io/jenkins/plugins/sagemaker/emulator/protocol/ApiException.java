package io.jenkins.plugins.sagemaker.emulator.protocol;

/**
 * An AWS JSON 1.1 error response: HTTP status, error code (the {@code __type} member and the
 * {@code x-amzn-ErrorType} header) and message.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String errorCode;

    public ApiException(int httpStatus, String errorCode, String message) {
        super(message);
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
    }

    /** Returns a 400 ValidationException, SageMaker's code for invalid input and for unknown training jobs. */
    public static ApiException validation(String message) {
        return new ApiException(400, "ValidationException", message);
    }

    /**
     * Returns a 400 ValidationException in the form AWS services use for constraint violations, for example
     * {@code 1 validation error detected: Value '0' at 'resourceConfig.instanceCount' failed to satisfy
     * constraint: Member must have value greater than or equal to 1}.
     */
    public static ApiException constraint(Object value, String memberPath, String constraint) {
        String quotedValue = value == null ? "null" : "'" + value + "'";
        return validation("1 validation error detected: Value " + quotedValue + " at '" + memberPath
                + "' failed to satisfy constraint: " + constraint);
    }

    public int httpStatus() {
        return httpStatus;
    }

    public String errorCode() {
        return errorCode;
    }
}
