package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;
import java.util.List;

/**
 * Content hashes of one file, taken on the machine where the workspace is.
 *
 * @param file the file as it was when it was hashed
 * @param sha256Hex the SHA-256 of the whole file, in lower-case hex
 * @param md5Base64 the MD5 of the whole file in Base64, the form of a {@code Content-MD5} header
 * @param partSize the multipart part size in bytes, or 0 when the file goes up in one request
 * @param partMd5Base64 the MD5 of each part in Base64, empty when {@code partSize} is 0
 */
public record FileDigest(LocalFile file, String sha256Hex, String md5Base64, long partSize,
        List<String> partMd5Base64) implements Serializable {

    public FileDigest {
        partMd5Base64 = List.copyOf(partMd5Base64);
    }

    public boolean multipart() {
        return partSize > 0;
    }
}
