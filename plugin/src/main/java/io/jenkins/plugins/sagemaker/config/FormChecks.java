package io.jenkins.plugins.sagemaker.config;

import hudson.Util;
import hudson.util.FormValidation;
import io.jenkins.plugins.sagemaker.engine.spec.RuntimeUnit;
import io.jenkins.plugins.sagemaker.engine.validation.FieldChecks;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Form validation on top of the engine's single-field rules ({@link FieldChecks}), so the form and a
 * run reject the same values with the same messages. Each method returns the error message, if any.
 */
final class FormChecks {

    private FormChecks() {
    }

    static FormValidation toValidation(Optional<String> problem) {
        return problem.map(FormValidation::error).orElseGet(FormValidation::ok);
    }

    /** Accepts an empty value, else applies {@code check}. */
    static FormValidation optional(String value, Function<String, Optional<String>> check) {
        String trimmed = Util.fixEmptyAndTrim(value);
        return trimmed == null ? FormValidation.ok() : toValidation(check.apply(trimmed));
    }

    /** Rejects an empty value naming {@code field}, else applies {@code check}. */
    static FormValidation required(String field, String value, Function<String, Optional<String>> check) {
        String trimmed = Util.fixEmptyAndTrim(value);
        if (trimmed == null) {
            return FormValidation.error(field + " is missing: enter a value.");
        }
        return toValidation(check.apply(trimmed));
    }

    static FormValidation integer(String field, String value, IntFunction<Optional<String>> check) {
        String trimmed = Util.fixEmptyAndTrim(value);
        if (trimmed == null) {
            return FormValidation.ok();
        }
        try {
            return toValidation(check.apply(Integer.parseInt(trimmed)));
        } catch (NumberFormatException e) {
            return FormValidation.error(field + " \"" + trimmed + "\" is not a whole number: enter digits only.");
        }
    }

    static FormValidation maxRuntime(String value, String unit) {
        Optional<Long> amount = parseLong(value);
        if (amount.isEmpty()) {
            return FormValidation.error("maxRuntime \"" + value + "\" is not a whole number: enter digits only.");
        }
        try {
            return toValidation(FieldChecks.maxRuntime(amount.get(), RuntimeUnit.parse(defaulted(unit, "DAYS"))));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation maxWait(String value, String unit, boolean useSpotInstances, String maxRuntime,
            String maxRuntimeUnit) {
        if (Util.fixEmptyAndTrim(value) == null) {
            return FormValidation.ok();
        }
        Optional<Long> amount = parseLong(value);
        if (amount.isEmpty()) {
            return FormValidation.error("maxWait \"" + value + "\" is not a whole number: enter digits only.");
        }
        if (amount.get() == 0) {
            // 0 is the default and means "no maxWait".
            return FormValidation.ok();
        }
        if (!useSpotInstances) {
            return FormValidation.error("maxWait only applies to managed spot training: tick useSpotInstances or "
                    + "clear maxWait.");
        }
        try {
            return toValidation(FieldChecks.maxWait(amount.get(), RuntimeUnit.parse(defaulted(unit, "HOURS")),
                    parseLong(maxRuntime).orElse(1L), RuntimeUnit.parse(defaulted(maxRuntimeUnit, "DAYS"))));
        } catch (IllegalArgumentException e) {
            return FormValidation.error(e.getMessage());
        }
    }

    static FormValidation maxPollInterval(String value, String pollIntervalSeconds) {
        FormValidation own = integer("maxPollIntervalSeconds", value, FormChecks::positiveSeconds);
        if (own.kind != FormValidation.Kind.OK) {
            return own;
        }
        Optional<Long> max = parseLong(value);
        Optional<Long> min = parseLong(pollIntervalSeconds);
        if (max.isPresent() && min.isPresent() && max.get() < min.get()) {
            return FormValidation.error("maxPollIntervalSeconds " + max.get() + " is less than pollIntervalSeconds "
                    + min.get() + ": raise it or lower pollIntervalSeconds.");
        }
        return FormValidation.ok();
    }

    static Optional<String> positiveSeconds(int seconds) {
        return seconds >= 1 ? Optional.empty() : Optional.of(seconds + " is too small: use at least 1 second.");
    }

    /** Checks an endpoint override: an absolute http or https URI. */
    static Optional<String> endpointUrl(String value) {
        try {
            URI uri = new URI(value);
            if (uri.getHost() != null && ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                return Optional.empty();
            }
        } catch (URISyntaxException e) {
            // Reported below with the same message as a URI without host.
        }
        return Optional.of("Endpoint \"" + value + "\" is invalid: use an absolute URL such as "
                + "https://api.sagemaker.us-east-2.amazonaws.com.");
    }

    static Optional<String> jobName(String value) {
        return FieldChecks.jobName(value);
    }

    static Optional<String> baseJobName(String value) {
        return FieldChecks.baseJobName(value);
    }

    static Optional<String> algorithm(String value) {
        return FieldChecks.algorithm(value);
    }

    static Optional<String> trainingImage(String value) {
        return FieldChecks.trainingImage(value);
    }

    static Optional<String> roleArn(String value) {
        return FieldChecks.roleArn(value);
    }

    static Optional<String> instanceType(String value) {
        return FieldChecks.instanceType(value);
    }

    static Optional<String> instanceCount(int value) {
        return FieldChecks.instanceCount(value);
    }

    static Optional<String> volumeSizeInGb(int value) {
        return FieldChecks.volumeSizeInGb(value);
    }

    static Optional<String> kmsKeyId(String value) {
        return FieldChecks.kmsKeyId(value);
    }

    static Optional<String> s3Uri(String value) {
        return FieldChecks.s3Uri(value);
    }

    static Optional<String> checkpointLocalPath(String value) {
        return FieldChecks.checkpointLocalPath(value);
    }

    static Optional<String> channelName(String value) {
        return FieldChecks.channelName(value);
    }

    static Optional<String> metricName(String value) {
        return FieldChecks.metricName(value);
    }

    static Optional<String> metricRegex(String value) {
        return FieldChecks.metricRegex(value);
    }

    static Optional<String> hyperparameterName(String value) {
        return FieldChecks.hyperparameterName(value);
    }

    static Optional<String> hyperparameterValue(String value) {
        return FieldChecks.hyperparameterValue(value);
    }

    static Optional<String> environmentName(String value) {
        return FieldChecks.environmentName(value);
    }

    static Optional<String> environmentValue(String value) {
        return FieldChecks.environmentValue(value);
    }

    static Optional<String> tagKey(String value) {
        return FieldChecks.tagKey(value);
    }

    static Optional<String> tagValue(String value) {
        return FieldChecks.tagValue(value);
    }

    private static Optional<Long> parseLong(String value) {
        try {
            return Optional.of(Long.parseLong(Util.fixEmptyAndTrim(value) == null ? "" : value.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String defaulted(String value, String fallback) {
        String trimmed = Util.fixEmptyAndTrim(value);
        return trimmed == null ? fallback : trimmed;
    }
}
