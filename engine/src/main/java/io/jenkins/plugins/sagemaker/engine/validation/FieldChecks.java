package io.jenkins.plugins.sagemaker.engine.validation;

import io.jenkins.plugins.sagemaker.engine.spec.RuntimeUnit;
import io.jenkins.plugins.sagemaker.engine.spec.TimeAmount;
import java.util.Optional;

/**
 * Checks of single form fields, for the Jenkins form's {@code doCheck} methods. They apply the same
 * rules as {@link SpecValidator} and return the error message, or empty when the value is fine.
 * Optional fields accept a blank value, and required ones report it as missing. Checks that need other
 * fields (exactly one of algorithm and trainingImage, uniqueness, list sizes) run only in
 * {@link SpecValidator}.
 */
public final class FieldChecks {

    private FieldChecks() {
    }

    public static Optional<String> jobName(String value) {
        return message(Rules.jobName("jobName", trim(value)));
    }

    public static Optional<String> baseJobName(String value) {
        return message(Rules.baseJobName("baseJobName", trim(value)));
    }

    /** Checks an algorithm name or ARN. */
    public static Optional<String> algorithm(String value) {
        return message(Rules.algorithm("algorithm", trim(value)));
    }

    public static Optional<String> trainingImage(String value) {
        return message(Rules.trainingImage("trainingImage", trim(value)));
    }

    public static Optional<String> roleArn(String value) {
        return message(Rules.roleArn("roleArn", trim(value)));
    }

    public static Optional<String> instanceType(String value) {
        return message(Rules.instanceType("instanceType", trim(value)));
    }

    public static Optional<String> instanceCount(int value) {
        return message(Rules.instanceCount("instanceCount", value));
    }

    public static Optional<String> volumeSizeInGb(int value) {
        return message(Rules.volumeSizeInGb("volumeSizeInGb", value));
    }

    /** Checks an optional KMS key id, alias or ARN, such as volumeKmsKeyId or outputKmsKeyId. */
    public static Optional<String> kmsKeyId(String value) {
        return message(Rules.kmsKeyId("KMS key id", trim(value)));
    }

    /** Checks a maximum runtime. A null unit means the default, DAYS. */
    public static Optional<String> maxRuntime(long amount, RuntimeUnit unit) {
        return message(Rules.maxRuntime("maxRuntime", TimeAmount.of(amount, unit == null ? RuntimeUnit.DAYS : unit)));
    }

    /**
     * Checks a managed spot maximum wait against its range and the maximum runtime. A null unit means
     * the default: HOURS for the wait, DAYS for the runtime.
     */
    public static Optional<String> maxWait(long amount, RuntimeUnit unit, long maxRuntime, RuntimeUnit maxRuntimeUnit) {
        TimeAmount runtime = TimeAmount.of(maxRuntime, maxRuntimeUnit == null ? RuntimeUnit.DAYS : maxRuntimeUnit);
        TimeAmount wait = TimeAmount.of(amount, unit == null ? RuntimeUnit.HOURS : unit);
        return message(Rules.maxWait("maxWait", wait, Rules.maxRuntime("maxRuntime", runtime).isPresent() ? null : runtime));
    }

    /** Checks a required S3 URI, such as a channel's s3Uri. */
    public static Optional<String> s3Uri(String value) {
        return message(Rules.s3Uri("S3 URI", trim(value)));
    }

    public static Optional<String> outputPath(String value) {
        return message(Rules.s3Uri("outputPath", trim(value)));
    }

    /** Checks the optional checkpointS3Uri. */
    public static Optional<String> checkpointS3Uri(String value) {
        String trimmed = trim(value);
        return trimmed == null ? Optional.empty() : message(Rules.s3Uri("checkpointS3Uri", trimmed));
    }

    public static Optional<String> checkpointLocalPath(String value) {
        return message(Rules.checkpointLocalPath("checkpointLocalPath", trim(value)));
    }

    public static Optional<String> channelName(String value) {
        return message(Rules.channelName("channel name", trim(value)));
    }

    public static Optional<String> contentType(String value) {
        return message(Rules.contentType("contentType", trim(value)));
    }

    public static Optional<String> subnetId(String value) {
        return message(Rules.vpcId("subnet id", trim(value), "subnet-0abc1234"));
    }

    public static Optional<String> securityGroupId(String value) {
        return message(Rules.vpcId("security group id", trim(value), "sg-0abc1234"));
    }

    public static Optional<String> metricName(String value) {
        return message(Rules.metricName("metric name", value));
    }

    public static Optional<String> metricRegex(String value) {
        return message(Rules.metricRegex("metric regex", value));
    }

    /** Checks a hyperparameter name, which is not trimmed. */
    public static Optional<String> hyperparameterName(String value) {
        return message(Rules.hyperparameterName("hyperparameter name", value));
    }

    /** Checks a hyperparameter value, which is not trimmed. */
    public static Optional<String> hyperparameterValue(String value) {
        return message(Rules.hyperparameterValue("hyperparameter value", value));
    }

    public static Optional<String> environmentName(String value) {
        return message(Rules.environmentName("environment variable name", value));
    }

    public static Optional<String> environmentValue(String value) {
        return message(Rules.environmentValue("environment variable value", value));
    }

    public static Optional<String> tagKey(String value) {
        return message(Rules.tagKey("tag key", value));
    }

    public static Optional<String> tagValue(String value) {
        return message(Rules.tagValue("tag value", value));
    }

    // The spec builder trims identifiers, so the form checks the value that will be used.
    private static String trim(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static Optional<String> message(Optional<ValidationProblem> problem) {
        return problem.map(ValidationProblem::message);
    }
}
