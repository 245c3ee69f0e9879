package io.jenkins.plugins.sagemaker.engine.validation;

import static io.jenkins.plugins.sagemaker.engine.validation.Problems.invalid;
import static io.jenkins.plugins.sagemaker.engine.validation.Problems.invalidAmount;
import static io.jenkins.plugins.sagemaker.engine.validation.Problems.missing;
import static io.jenkins.plugins.sagemaker.engine.validation.Problems.number;

import io.jenkins.plugins.sagemaker.engine.naming.JobNames;
import io.jenkins.plugins.sagemaker.engine.request.CreateTrainingJobRequests;
import io.jenkins.plugins.sagemaker.engine.spec.TimeAmount;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Single-value rules shared by {@link SpecValidator} and {@link FieldChecks}. Each method takes the
 * field path used in the message and returns the problem, if any. Patterns and limits follow the
 * SageMaker API reference for CreateTrainingJob unless a comment names another source.
 */
final class Rules {

    static final String JOB_NAME_LIMIT = "pattern " + JobNames.PATTERN.pattern() + ", at most 63 characters";

    static final Pattern ALGORITHM_ARN = Pattern.compile(
            "^arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]+:\\d{12}:algorithm/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$");
    static final int MAX_ALGORITHM_LENGTH = 170;
    static final int MAX_TRAINING_IMAGE_LENGTH = 255;

    static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$");
    static final int MAX_ROLE_ARN_LENGTH = 2048;

    // SageMaker lists instance types as an enum that grows, so this accepts every ml.<family>.<size>.
    static final Pattern INSTANCE_TYPE = Pattern.compile("^ml\\.[a-z0-9\\-]+\\.[a-z0-9\\-]+$");
    static final int MAX_VOLUME_SIZE_IN_GB = 16_384;

    static final Pattern KMS_KEY_ID = Pattern.compile("^[a-zA-Z0-9:/_\\-]+$");
    static final int MAX_KMS_KEY_ID_LENGTH = 2048;

    /** SageMaker's limit for MaxRuntimeInSeconds and MaxWaitTimeInSeconds: 28 days. */
    static final long MAX_RUNTIME_SECONDS = 2_419_200;
    static final String RUNTIME_LIMIT = "1 second to 28 days, " + number(MAX_RUNTIME_SECONDS) + " seconds";

    static final Pattern S3_URI = Pattern.compile("^s3://([^/]*)(/.*)?$");
    static final Pattern BUCKET_NAME = Pattern.compile("^[a-z0-9][a-z0-9.\\-]*[a-z0-9]$");
    static final Pattern IP_ADDRESS = Pattern.compile("^\\d+\\.\\d+\\.\\d+\\.\\d+$");
    static final int MAX_S3_URI_LENGTH = 1024;
    static final String S3_URI_LIMIT = "s3://bucket/prefix, bucket 3 to 63 characters, at most "
            + MAX_S3_URI_LENGTH + " characters";

    static final int MAX_LOCAL_PATH_LENGTH = 4096;

    static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9.\\-_]+");
    static final int MAX_CHANNEL_NAME_LENGTH = 64;
    static final int MAX_CONTENT_TYPE_LENGTH = 256;

    static final Pattern VPC_ID = Pattern.compile("[-0-9a-zA-Z]+");
    static final int MAX_VPC_ID_LENGTH = 32;

    static final int MAX_METRIC_NAME_LENGTH = 255;
    static final int MAX_METRIC_REGEX_LENGTH = 500;

    static final int MAX_HYPERPARAMETER_NAME_LENGTH = 256;
    static final int MAX_HYPERPARAMETER_VALUE_LENGTH = 2500;

    static final Pattern ENVIRONMENT_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    static final int MAX_ENVIRONMENT_NAME_LENGTH = 512;
    static final int MAX_ENVIRONMENT_VALUE_LENGTH = 512;

    // Letters, separators (spaces), digits and _ . : / = + - @, as the SageMaker Tag shape allows.
    static final Pattern TAG_TEXT = Pattern.compile("^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$");
    static final int MAX_TAG_KEY_LENGTH = 128;
    static final int MAX_TAG_VALUE_LENGTH = 256;

    private Rules() {
    }

    static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    static Optional<ValidationProblem> jobName(String field, String value) {
        if (isBlank(value) || JobNames.isValid(value)) {
            return Optional.empty();
        }
        if (value.length() > JobNames.MAX_LENGTH) {
            return Optional.of(invalid(field, value, "shorten it from " + value.length() + " to at most "
                    + JobNames.MAX_LENGTH + " characters", JOB_NAME_LIMIT));
        }
        return Optional.of(invalid(field, value,
                "use letters, digits and hyphens, starting and ending with a letter or digit",
                JOB_NAME_LIMIT));
    }

    static Optional<ValidationProblem> baseJobName(String field, String value) {
        if (isBlank(value) || !JobNames.clean(value).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(invalid(field, value,
                "include at least one letter or digit, because every other character becomes '-'",
                "at least one of [A-Za-z0-9]"));
    }

    static Optional<ValidationProblem> algorithm(String field, String value) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        if (value.startsWith("arn:")) {
            if (value.length() <= MAX_ALGORITHM_LENGTH && ALGORITHM_ARN.matcher(value).matches()) {
                return Optional.empty();
            }
            return Optional.of(invalid(field, value,
                    "use an algorithm ARN such as arn:aws:sagemaker:us-east-2:123456789012:algorithm/my-algorithm",
                    "pattern " + ALGORITHM_ARN.pattern() + ", at most " + MAX_ALGORITHM_LENGTH + " characters"));
        }
        if (JobNames.isValid(value)) {
            return Optional.empty();
        }
        return Optional.of(invalid(field, value,
                "use an algorithm name of letters, digits and hyphens, or an algorithm ARN",
                "name pattern " + JobNames.PATTERN.pattern() + ", at most 63 characters"));
    }

    static Optional<ValidationProblem> trainingImage(String field, String value) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        if (value.length() > MAX_TRAINING_IMAGE_LENGTH) {
            return Optional.of(invalid(field, value,
                    "use a shorter ECR image URI such as 123456789012.dkr.ecr.us-east-2.amazonaws.com/my-image:1.0",
                    "at most " + MAX_TRAINING_IMAGE_LENGTH + " characters"));
        }
        // CreateTrainingJob's pattern for TrainingImage is [\S]+.
        if (value.chars().anyMatch(Character::isWhitespace)) {
            return Optional.of(invalid(field, value, "remove the spaces from the image URI",
                    "pattern [\\S]+, no whitespace"));
        }
        return Optional.empty();
    }

    static Optional<ValidationProblem> roleArn(String field, String value) {
        String limit = "pattern " + ROLE_ARN.pattern() + ", at most " + MAX_ROLE_ARN_LENGTH + " characters";
        if (isBlank(value)) {
            return Optional.of(missing(field,
                    "set the ARN of the IAM role that SageMaker assumes, such as "
                            + "arn:aws:iam::123456789012:role/SageMakerRole",
                    limit));
        }
        if (value.length() <= MAX_ROLE_ARN_LENGTH && ROLE_ARN.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(invalid(field, value,
                "use an IAM role ARN such as arn:aws:iam::123456789012:role/SageMakerRole", limit));
    }

    static Optional<ValidationProblem> instanceType(String field, String value) {
        String limit = "pattern " + INSTANCE_TYPE.pattern();
        if (isBlank(value)) {
            return Optional.of(missing(field, "set an ML instance type such as ml.m5.xlarge", limit));
        }
        if (INSTANCE_TYPE.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(invalid(field, value, "use an ML instance type such as ml.m5.xlarge", limit));
    }

    static Optional<ValidationProblem> instanceCount(String field, int value) {
        if (value >= 1) {
            return Optional.empty();
        }
        return Optional.of(invalidAmount(field, value, "use at least 1 instance", "at least 1"));
    }

    static Optional<ValidationProblem> volumeSizeInGb(String field, int value) {
        if (value >= 1 && value <= MAX_VOLUME_SIZE_IN_GB) {
            return Optional.empty();
        }
        String fix = value < 1 ? "use at least 1 GB" : "use at most " + number(MAX_VOLUME_SIZE_IN_GB) + " GB";
        return Optional.of(invalidAmount(field, value, fix, "1 to " + number(MAX_VOLUME_SIZE_IN_GB) + " GB"));
    }

    /** Checks an optional KMS key id, alias or ARN; blank means not set. */
    static Optional<ValidationProblem> kmsKeyId(String field, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() <= MAX_KMS_KEY_ID_LENGTH && KMS_KEY_ID.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(invalid(field, value,
                "use a KMS key id, alias or ARN such as alias/my-key or "
                        + "arn:aws:kms:us-east-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "pattern " + KMS_KEY_ID.pattern() + ", at most " + MAX_KMS_KEY_ID_LENGTH + " characters"));
    }

    /** Returns the duration in seconds, or {@link Long#MAX_VALUE} when it does not fit in a long. */
    static long seconds(TimeAmount amount) {
        try {
            return amount.toSeconds();
        } catch (ArithmeticException overflow) {
            return amount.getAmount() < 0 ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Optional<ValidationProblem> maxRuntime(String field, TimeAmount value) {
        long seconds = seconds(value);
        if (seconds < 1) {
            return Optional.of(invalidAmount(field, value, "use at least 1 second", RUNTIME_LIMIT));
        }
        if (seconds > MAX_RUNTIME_SECONDS) {
            return Optional.of(invalidAmount(field, value, "use at most 28 days, SageMaker's limit", RUNTIME_LIMIT));
        }
        return Optional.empty();
    }

    /**
     * Checks the range of maxWait and that it is not less than {@code maxRuntime}. A null
     * {@code maxRuntime} skips the comparison, for callers that already reported it as invalid.
     */
    static Optional<ValidationProblem> maxWait(String field, TimeAmount value, TimeAmount maxRuntime) {
        Optional<ValidationProblem> range = maxRuntime(field, value);
        if (range.isPresent() || maxRuntime == null) {
            return range;
        }
        long runtimeSeconds = seconds(maxRuntime);
        if (seconds(value) < runtimeSeconds) {
            return Optional.of(invalidAmount(field, value,
                    "use at least maxRuntime (" + maxRuntime + "), because the wait for spot capacity "
                            + "includes the training time",
                    "maxRuntime to 28 days, " + number(runtimeSeconds) + " to " + number(MAX_RUNTIME_SECONDS)
                            + " seconds"));
        }
        return Optional.empty();
    }

    /** Checks a required S3 URI. */
    static Optional<ValidationProblem> s3Uri(String field, String value) {
        if (isBlank(value)) {
            return Optional.of(missing(field, "set an S3 URI such as s3://example-bucket/prefix", S3_URI_LIMIT));
        }
        if (value.length() > MAX_S3_URI_LENGTH) {
            return Optional.of(invalid(field, value,
                    "use an S3 URI of at most " + MAX_S3_URI_LENGTH + " characters", S3_URI_LIMIT));
        }
        Matcher uri = S3_URI.matcher(value);
        if (!uri.matches()) {
            return Optional.of(invalid(field, value,
                    "use an S3 URI that starts with s3://, such as s3://example-bucket/prefix", S3_URI_LIMIT));
        }
        return bucketProblem(uri.group(1)).map(fix -> invalid(field, value, fix, S3_URI_LIMIT));
    }

    /**
     * Checks a channel's workspace path: a file or folder relative to the workspace. Whether it exists,
     * and where its links lead, is checked where the workspace is, before the upload.
     */
    static Optional<ValidationProblem> localPath(String field, String value) {
        String limit = "a path relative to the workspace, without ..";
        if (isBlank(value)) {
            return Optional.of(missing(field, "set a file or folder relative to the workspace, such as data/train", limit));
        }
        String normalized = value.replace('\\', '/');
        boolean absolute = normalized.startsWith("/") || normalized.matches("^[A-Za-z]:.*");
        if (absolute) {
            return Optional.of(invalid(field, value, "use a path relative to the workspace, such as data/train", limit));
        }
        for (String segment : normalized.split("/")) {
            if (segment.equals("..")) {
                return Optional.of(invalid(field, value, "remove \"..\": the path must stay inside the workspace", limit));
            }
        }
        return Optional.empty();
    }

    /** Returns what is wrong with an S3 bucket name, following the general purpose bucket rules. */
    private static Optional<String> bucketProblem(String bucket) {
        String prefix = "the bucket name \"" + bucket + "\" ";
        if (bucket.isEmpty()) {
            return Optional.of("add a bucket name after s3://, such as s3://example-bucket/prefix");
        }
        if (bucket.length() < 3 || bucket.length() > 63) {
            return Optional.of(prefix + "has " + bucket.length() + " characters but must have 3 to 63");
        }
        if (!BUCKET_NAME.matcher(bucket).matches()) {
            return Optional.of(prefix + "must contain only lowercase letters, digits, dots and hyphens, "
                    + "and start and end with a letter or digit");
        }
        if (bucket.contains("..") || IP_ADDRESS.matcher(bucket).matches()) {
            return Optional.of(prefix + "must not contain two adjacent dots or look like an IP address");
        }
        return Optional.empty();
    }

    static Optional<ValidationProblem> checkpointLocalPath(String field, String value) {
        if (isBlank(value)) {
            return Optional.empty();
        }
        String limit = "absolute path, at most " + MAX_LOCAL_PATH_LENGTH + " characters";
        if (!value.startsWith("/")) {
            return Optional.of(invalid(field, value,
                    "use an absolute path inside the container, such as /opt/ml/checkpoints", limit));
        }
        if (value.length() > MAX_LOCAL_PATH_LENGTH) {
            return Optional.of(invalid(field, value, "use a shorter path", limit));
        }
        return Optional.empty();
    }

    static Optional<ValidationProblem> channelName(String field, String value) {
        String limit = "pattern " + CHANNEL_NAME.pattern() + ", at most " + MAX_CHANNEL_NAME_LENGTH + " characters";
        if (isBlank(value)) {
            return Optional.of(missing(field, "set a channel name such as train", limit));
        }
        if (value.length() <= MAX_CHANNEL_NAME_LENGTH && CHANNEL_NAME.matcher(value).matches()) {
            return Optional.empty();
        }
        String fix = value.length() > MAX_CHANNEL_NAME_LENGTH
                ? "use at most " + MAX_CHANNEL_NAME_LENGTH + " characters"
                : "use only letters, digits, '.', '-' and '_'";
        return Optional.of(invalid(field, value, fix, limit));
    }

    static Optional<ValidationProblem> contentType(String field, String value) {
        if (value == null || value.length() <= MAX_CONTENT_TYPE_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(invalid(field, value, "use a MIME type such as text/csv",
                "at most " + MAX_CONTENT_TYPE_LENGTH + " characters"));
    }

    /** Checks a subnet or security group id such as {@code subnet-0abc} or {@code sg-0abc}. */
    static Optional<ValidationProblem> vpcId(String field, String value, String example) {
        String limit = "pattern " + VPC_ID.pattern() + ", at most " + MAX_VPC_ID_LENGTH + " characters";
        if (isBlank(value)) {
            return Optional.of(missing(field, "set an id such as " + example, limit));
        }
        if (value.length() <= MAX_VPC_ID_LENGTH && VPC_ID.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(invalid(field, value, "use an id such as " + example, limit));
    }

    static Optional<ValidationProblem> metricName(String field, String value) {
        String limit = "1 to " + MAX_METRIC_NAME_LENGTH + " characters";
        if (value == null || value.isEmpty()) {
            return Optional.of(missing(field, "set a metric name such as validation:rmse", limit));
        }
        if (value.length() <= MAX_METRIC_NAME_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(invalid(field, value, "use a shorter metric name", limit));
    }

    static Optional<ValidationProblem> metricRegex(String field, String value) {
        String limit = "1 to " + MAX_METRIC_REGEX_LENGTH + " characters, a Java regular expression";
        if (value == null || value.isEmpty()) {
            return Optional.of(missing(field,
                    "set a regular expression whose first group captures the value, such as rmse=([0-9.]+)", limit));
        }
        if (value.length() > MAX_METRIC_REGEX_LENGTH) {
            return Optional.of(invalid(field, value, "use a shorter regular expression", limit));
        }
        try {
            Pattern.compile(value);
        } catch (PatternSyntaxException e) {
            return Optional.of(invalid(field, value,
                    "fix the regular expression, which does not compile: " + e.getDescription()
                            + " near index " + e.getIndex(),
                    limit));
        }
        return Optional.empty();
    }

    static Optional<ValidationProblem> hyperparameterName(String field, String value) {
        String limit = "1 to " + MAX_HYPERPARAMETER_NAME_LENGTH + " characters without line breaks";
        if (value == null || value.isEmpty()) {
            return Optional.of(missing(field, "set a hyperparameter name such as eta", limit));
        }
        if (value.length() > MAX_HYPERPARAMETER_NAME_LENGTH) {
            return Optional.of(invalid(field, value, "use a shorter name", limit));
        }
        if (hasLineBreak(value)) {
            return Optional.of(invalid(field, value, "remove the line break", limit));
        }
        return Optional.empty();
    }

    static Optional<ValidationProblem> hyperparameterValue(String field, String value) {
        // SageMaker documents the value pattern as .*, which matches no line break.
        String limit = "0 to " + number(MAX_HYPERPARAMETER_VALUE_LENGTH) + " characters without line breaks";
        if (value == null) {
            return Optional.of(missing(field, "set a value, or an empty string", limit));
        }
        if (value.length() > MAX_HYPERPARAMETER_VALUE_LENGTH) {
            return Optional.of(invalid(field, value, "use a shorter value", limit));
        }
        if (hasLineBreak(value)) {
            return Optional.of(invalid(field, value, "remove the line break", limit));
        }
        return Optional.empty();
    }

    static Optional<ValidationProblem> environmentName(String field, String value) {
        String limit = "pattern " + ENVIRONMENT_NAME.pattern() + ", at most " + MAX_ENVIRONMENT_NAME_LENGTH
                + " characters";
        if (value == null || value.isEmpty()) {
            return Optional.of(missing(field, "set a variable name such as LOG_LEVEL", limit));
        }
        if (value.length() <= MAX_ENVIRONMENT_NAME_LENGTH && ENVIRONMENT_NAME.matcher(value).matches()) {
            return Optional.empty();
        }
        return Optional.of(invalid(field, value,
                "use letters, digits and '_', not starting with a digit", limit));
    }

    static Optional<ValidationProblem> environmentValue(String field, String value) {
        String limit = "0 to " + MAX_ENVIRONMENT_VALUE_LENGTH + " characters";
        if (value == null) {
            return Optional.of(missing(field, "set a value, or an empty string", limit));
        }
        if (value.length() <= MAX_ENVIRONMENT_VALUE_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(invalid(field, value, "use a shorter value", limit));
    }

    static Optional<ValidationProblem> tagKey(String field, String value) {
        String limit = "1 to " + MAX_TAG_KEY_LENGTH + " characters, pattern " + TAG_TEXT.pattern()
                + ", not starting with aws:, not " + CreateTrainingJobRequests.RUN_ID_TAG_KEY;
        if (value == null || value.isEmpty()) {
            return Optional.of(missing(field, "set a tag key such as team", limit));
        }
        if (value.length() > MAX_TAG_KEY_LENGTH) {
            return Optional.of(invalid(field, value, "use a shorter key", limit));
        }
        if (value.regionMatches(true, 0, "aws:", 0, 4)) {
            return Optional.of(invalid(field, value,
                    "choose another key, because AWS reserves keys that start with aws:", limit));
        }
        if (!TAG_TEXT.matcher(value).matches()) {
            return Optional.of(invalid(field, value,
                    "use only letters, digits, spaces and _ . : / = + - @", limit));
        }
        if (CreateTrainingJobRequests.RUN_ID_TAG_KEY.equals(value)) {
            return Optional.of(invalid(field, value,
                    "choose another key, because the engine sets this tag to the run id of each job", limit));
        }
        return Optional.empty();
    }

    static Optional<ValidationProblem> tagValue(String field, String value) {
        String limit = "0 to " + MAX_TAG_VALUE_LENGTH + " characters, pattern " + TAG_TEXT.pattern();
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (value.length() > MAX_TAG_VALUE_LENGTH) {
            return Optional.of(invalid(field, value, "use a shorter value", limit));
        }
        if (!TAG_TEXT.matcher(value).matches()) {
            return Optional.of(invalid(field, value,
                    "use only letters, digits, spaces and _ . : / = + - @", limit));
        }
        return Optional.empty();
    }

    private static boolean hasLineBreak(String value) {
        return value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0;
    }
}
