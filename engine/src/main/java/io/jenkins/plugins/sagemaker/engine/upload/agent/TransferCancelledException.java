package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.IOException;

/**
 * Thrown when an upload or download stops because it was cancelled or its thread was interrupted.
 * It extends {@link IOException} so that it can cross a remoting call that declares only that type.
 */
public class TransferCancelledException extends IOException {

    private static final long serialVersionUID = 1L;

    public TransferCancelledException(String message) {
        super(message);
    }

    public TransferCancelledException(String message, Throwable cause) {
        super(message, cause);
    }
}
