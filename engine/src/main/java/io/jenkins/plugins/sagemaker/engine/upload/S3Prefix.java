package io.jenkins.plugins.sagemaker.engine.upload;

import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A bucket and a key prefix that names an S3 "folder", normalized: no leading slash, no trailing
 * slash and no empty segments, so {@code s3://example-bucket/nightly/42/train},
 * {@code s3://example-bucket/nightly/42/train/} and {@code s3://example-bucket//nightly/42//train/}
 * are equal.
 *
 * @param bucket the bucket name
 * @param key the key prefix without a trailing slash, empty for the whole bucket
 */
public record S3Prefix(String bucket, String key) {

    /** Bucket name rules of S3 general purpose buckets: 3 to 63 characters of a-z, 0-9, dot and hyphen. */
    private static final Pattern BUCKET = Pattern.compile("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]");

    public S3Prefix {
        if (bucket == null || !BUCKET.matcher(bucket).matches()) {
            throw new IllegalArgumentException("S3 bucket '" + bucket + "' is invalid; use 3 to 63 lower-case "
                    + "letters, digits, dots and hyphens");
        }
        key = normalizeKey(key == null ? "" : key);
    }

    /** Parses {@code s3://bucket/prefix}, with or without a trailing slash. */
    public static S3Prefix parse(String uri) {
        String trimmed = uri == null ? "" : uri.trim();
        if (!trimmed.regionMatches(true, 0, "s3://", 0, 5)) {
            throw new IllegalArgumentException("S3 URI '" + uri + "' is invalid; write it as s3://bucket/prefix");
        }
        String rest = trimmed.substring(5);
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String key = slash < 0 ? "" : rest.substring(slash + 1);
        return new S3Prefix(bucket, key);
    }

    /**
     * Returns the default destination of a channel's workspace data:
     * {@code <output path>/<job name>/input/<channel name>}, where the output path is the job's
     * {@code OutputDataConfig.S3OutputPath}.
     */
    public static S3Prefix channelDefault(String outputPath, String jobName, String channelName) {
        requireSegment("job name", jobName);
        requireSegment("channel name", channelName);
        S3Prefix output = parse(outputPath);
        return output.child(jobName + "/input/" + channelName);
    }

    /** Returns the prefix one or more segments below this one. */
    public S3Prefix child(String relative) {
        return new S3Prefix(bucket, key.isEmpty() ? relative : key + "/" + relative);
    }

    /** Returns the object key of a file whose path relative to the upload root is given. */
    public String keyFor(String relativePath) {
        String relative = normalizeKey(relativePath.replace('\\', '/'));
        if (relative.isEmpty()) {
            throw new IllegalArgumentException("Relative path '" + relativePath + "' names no file");
        }
        return key.isEmpty() ? relative : key + "/" + relative;
    }

    /** Returns the prefix for ListObjectsV2: the key with a trailing slash, or empty for the bucket. */
    public String listPrefix() {
        return key.isEmpty() ? "" : key + "/";
    }

    /** Returns {@code s3://bucket/key/} with the trailing slash, the form for a channel's S3Uri. */
    public String uri() {
        return "s3://" + bucket + "/" + listPrefix();
    }

    /** Returns {@code s3://bucket/<key>} for an object key in this bucket. */
    public String objectUri(String objectKey) {
        return "s3://" + bucket + "/" + objectKey;
    }

    @Override
    public String toString() {
        return uri();
    }

    private static String normalizeKey(String key) {
        return Arrays.stream(key.split("/"))
                .filter(segment -> !segment.isEmpty())
                .collect(Collectors.joining("/"));
    }

    private static void requireSegment(String field, String value) {
        if (value == null || value.isBlank() || value.contains("/")) {
            throw new IllegalArgumentException(field.substring(0, 1).toUpperCase(Locale.ROOT) + field.substring(1)
                    + " '" + value + "' is invalid for an S3 prefix; give a non-empty name without '/'");
        }
    }
}
