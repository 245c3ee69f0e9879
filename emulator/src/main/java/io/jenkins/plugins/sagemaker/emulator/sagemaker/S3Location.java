package io.jenkins.plugins.sagemaker.emulator.sagemaker;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A bucket and key (or key prefix) parsed from an s3:// or https:// URI as SageMaker accepts them. */
record S3Location(String bucket, String key) {

    /** SageMaker's pattern for S3Uri and S3OutputPath. */
    static final Pattern URI_PATTERN = Pattern.compile("^(https|s3)://([^/]+)/?(.*)$");

    static S3Location parse(String uri) {
        Matcher matcher = URI_PATTERN.matcher(uri);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an S3 URI: " + uri);
        }
        return new S3Location(matcher.group(2), matcher.group(3));
    }

    /** Appends path segments with exactly one slash between them. */
    S3Location resolve(String... segments) {
        StringBuilder path = new StringBuilder(key);
        for (String segment : segments) {
            if (path.length() > 0 && path.charAt(path.length() - 1) != '/') {
                path.append('/');
            }
            path.append(segment);
        }
        return new S3Location(bucket, path.toString());
    }

    @Override
    public String toString() {
        return "s3://" + bucket + "/" + key;
    }
}
