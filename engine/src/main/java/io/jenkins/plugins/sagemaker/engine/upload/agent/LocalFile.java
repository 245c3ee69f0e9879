package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;

/**
 * A regular file found under an upload root.
 *
 * @param path the path relative to the upload root, with forward slashes on every operating system
 * @param size the size in bytes
 * @param modifiedMillis the last-modified time in milliseconds since the epoch
 */
public record LocalFile(String path, long size, long modifiedMillis) implements Serializable {
}
