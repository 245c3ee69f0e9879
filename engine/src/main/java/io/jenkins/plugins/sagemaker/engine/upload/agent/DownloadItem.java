package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;
import java.net.URI;

/**
 * One presigned GET request and the file that receives the object.
 *
 * @param path the destination path relative to the download target, with forward slashes
 * @param size the object size in bytes; the download fails when a different number arrives
 * @param url the presigned URL; it is a bearer token until it expires, so it is never logged
 * @param source the object for messages, such as {@code s3://example-bucket/job/output/model.tar.gz}
 */
public record DownloadItem(String path, long size, URI url, String source) implements Serializable {

    @Override
    public String toString() {
        return "DownloadItem{path=" + path + ", size=" + size + ", source=" + source + "}";
    }
}
