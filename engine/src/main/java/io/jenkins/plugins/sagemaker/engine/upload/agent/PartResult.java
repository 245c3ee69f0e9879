package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;

/**
 * The outcome of one {@link PartUpload}.
 *
 * @param path the file path relative to the upload root
 * @param partNumber the part number, or 0 for a whole-file PutObject
 * @param eTag the {@code ETag} response header, with its quotes
 */
public record PartResult(String path, int partNumber, String eTag) implements Serializable {
}
