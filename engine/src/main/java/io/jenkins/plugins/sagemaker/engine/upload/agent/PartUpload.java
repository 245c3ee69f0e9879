package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;
import java.net.URI;
import java.util.Map;

/**
 * One presigned PUT request: a whole file, or one part of a multipart upload.
 *
 * @param path the file path relative to the upload root
 * @param partNumber the part number from 1, or 0 for a whole-file PutObject
 * @param offset the first byte of the file to send
 * @param length the number of bytes to send
 * @param fileSize the file size when it was hashed; the request fails when the file differs
 * @param url the presigned URL; it is a bearer token until it expires, so it is never logged
 * @param headers the headers that the signature covers, such as {@code Content-MD5}, without
 *     {@code Host}; the request sends them unchanged
 * @param target the destination for messages, such as {@code s3://example-bucket/train/a.csv}
 */
public record PartUpload(String path, int partNumber, long offset, long length, long fileSize, URI url,
        Map<String, String> headers, String target) implements Serializable {

    public PartUpload {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        // The URL carries a signature, so it stays out of logs and exception messages.
        return "PartUpload{path=" + path + ", partNumber=" + partNumber + ", offset=" + offset + ", length="
                + length + ", target=" + target + "}";
    }
}
