package io.jenkins.plugins.sagemaker.engine.upload;

/**
 * The outcome of one channel upload.
 *
 * @param destination the prefix that contains the channel's files; {@link S3Prefix#uri()} is the S3Uri
 * @param uploadedFiles files sent
 * @param uploadedBytes bytes sent
 * @param skippedFiles files already stored with the same content
 * @param skippedBytes bytes of the skipped files
 */
public record ChannelUploadResult(S3Prefix destination, int uploadedFiles, long uploadedBytes, int skippedFiles,
        long skippedBytes) {

    /** Returns the value for the channel's {@code S3DataSource.S3Uri}. */
    public String s3Uri() {
        return destination.uri();
    }
}
