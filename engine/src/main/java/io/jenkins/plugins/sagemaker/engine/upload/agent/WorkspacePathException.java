package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.IOException;

/**
 * Thrown when a workspace path cannot be uploaded or written: it is missing, empty, outside the
 * workspace or reached through a symbolic link that leads outside it.
 */
public class WorkspacePathException extends IOException {

    private static final long serialVersionUID = 1L;

    public WorkspacePathException(String message) {
        super(message);
    }
}
