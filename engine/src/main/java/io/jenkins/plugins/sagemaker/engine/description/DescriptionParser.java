package io.jenkins.plugins.sagemaker.engine.description;

import com.fasterxml.jackson.core.JsonToken;
import io.jenkins.plugins.sagemaker.engine.description.DocumentReader.Scalar;
import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.CompressionType;
import io.jenkins.plugins.sagemaker.engine.spec.MetricDefinition;
import io.jenkins.plugins.sagemaker.engine.spec.NameValue;
import io.jenkins.plugins.sagemaker.engine.spec.RecordWrapperType;
import io.jenkins.plugins.sagemaker.engine.spec.RuntimeUnit;
import io.jenkins.plugins.sagemaker.engine.spec.S3DataDistributionType;
import io.jenkins.plugins.sagemaker.engine.spec.S3DataType;
import io.jenkins.plugins.sagemaker.engine.spec.TagSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingInputMode;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.spec.WireValue;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Turns a document read by {@link DocumentReader} into a {@link JobDescription}, collecting every
 * error instead of stopping at the first. Argument paths in messages look like
 * {@code channels[0].compressionType}.
 */
final class DescriptionParser {

    private final List<String> errors = new ArrayList<>();

    List<String> errors() {
        return errors;
    }

    /** Returns the description, or null when {@link #errors()} is not empty. */
    JobDescription parse(Object document) {
        if (document == null) {
            errors.add("The document is empty: write an object of arguments such as jobName, roleArn and channels.");
            return null;
        }
        Map<String, Object> arguments = object(document, "The document");
        if (arguments == null) {
            return null;
        }
        checkNames(arguments, "", Arguments.TOP_LEVEL, "arguments");

        TrainingJobSpec spec = parseSpec(arguments);
        ConnectionSettings connection = parseConnection(arguments);
        RunOptions runOptions = parseRunOptions(arguments);
        return errors.isEmpty() ? new JobDescription(spec, connection, runOptions) : null;
    }

    private TrainingJobSpec parseSpec(Map<String, Object> arguments) {
        TrainingJobSpec.Builder spec = TrainingJobSpec.builder()
                .jobName(string(arguments, "jobName"))
                .baseJobName(string(arguments, "baseJobName"))
                .algorithm(string(arguments, "algorithm"))
                .trainingImage(string(arguments, "trainingImage"))
                .trainingInputMode(wireValue(arguments, "trainingInputMode", TrainingInputMode.class))
                .metricDefinitions(metricDefinitions(arguments.get("metricDefinitions")))
                .roleArn(string(arguments, "roleArn"))
                .instanceType(string(arguments, "instanceType"))
                .volumeKmsKeyId(string(arguments, "volumeKmsKeyId"))
                .checkpointS3Uri(string(arguments, "checkpointS3Uri"))
                .checkpointLocalPath(string(arguments, "checkpointLocalPath"))
                .subnets(stringList(arguments.get("subnets"), "subnets"))
                .securityGroupIds(stringList(arguments.get("securityGroupIds"), "securityGroupIds"))
                .environment(nameValues(arguments.get("environment"), "environment", "environment variable arguments"))
                .hyperparameters(nameValues(arguments.get("hyperparameters"), "hyperparameters",
                        "hyperparameter arguments"))
                .channels(channels(arguments.get("channels")))
                .outputPath(string(arguments, "outputPath"))
                .outputKmsKeyId(string(arguments, "outputKmsKeyId"))
                .tags(tags(arguments.get("tags")));

        Integer instanceCount = integer(arguments, "instanceCount");
        if (instanceCount != null) {
            spec.instanceCount(instanceCount);
        }
        Integer volumeSize = integer(arguments, "volumeSizeInGb");
        if (volumeSize != null) {
            spec.volumeSizeInGb(volumeSize);
        }

        Long maxRuntime = longValue(arguments, "maxRuntime");
        RuntimeUnit maxRuntimeUnit = wireValue(arguments, "maxRuntimeUnit", RuntimeUnit.class);
        spec.maxRuntime(maxRuntime == null ? 1 : maxRuntime, maxRuntimeUnit);

        Long maxWait = longValue(arguments, "maxWait");
        RuntimeUnit maxWaitUnit = wireValue(arguments, "maxWaitUnit", RuntimeUnit.class);
        if (maxWait != null) {
            spec.maxWait(maxWait, maxWaitUnit);
        } else if (maxWaitUnit != null) {
            errors.add("maxWaitUnit " + maxWaitUnit + " is set without maxWait: set maxWait or remove maxWaitUnit.");
        }

        spec.useSpotInstances(bool(arguments, "useSpotInstances", false));
        spec.enableNetworkIsolation(optionalBool(arguments, "enableNetworkIsolation"));
        spec.enableInterContainerTrafficEncryption(bool(arguments, "enableInterContainerTrafficEncryption", false));
        return spec.build();
    }

    private ConnectionSettings parseConnection(Map<String, Object> arguments) {
        return ConnectionSettings.builder()
                .region(string(arguments, "region"))
                .endpointUrl(url(arguments, "endpointUrl"))
                .logsEndpointUrl(url(arguments, "logsEndpointUrl"))
                .s3EndpointUrl(url(arguments, "s3EndpointUrl"))
                .stsEndpointUrl(url(arguments, "stsEndpointUrl"))
                .assumeRoleArn(string(arguments, "assumeRoleArn"))
                .assumeRoleExternalId(string(arguments, "assumeRoleExternalId"))
                .assumeRoleSessionName(string(arguments, "assumeRoleSessionName"))
                .build();
    }

    private RunOptions parseRunOptions(Map<String, Object> arguments) {
        boolean dryRun = bool(arguments, "dryRun", false);
        Integer poll = integer(arguments, "pollIntervalSeconds");
        Integer maxPoll = integer(arguments, "maxPollIntervalSeconds");
        int pollSeconds = poll == null ? RunOptions.DEFAULT_POLL_INTERVAL_SECONDS : poll;
        int maxPollSeconds = maxPoll == null ? Math.max(RunOptions.DEFAULT_MAX_POLL_INTERVAL_SECONDS, pollSeconds) : maxPoll;
        errors.addAll(RunOptions.pollIntervalProblems(pollSeconds, maxPollSeconds));
        String modelDownloadPath = string(arguments, "modelDownloadPath");
        errors.addAll(RunOptions.modelDownloadPathProblems(modelDownloadPath));
        return new RunOptions(dryRun, pollSeconds, maxPollSeconds, modelDownloadPath,
                bool(arguments, "downloadOutputData", false));
    }

    private List<MetricDefinition> metricDefinitions(Object value) {
        return entries(value, "metricDefinitions", Arguments.METRIC_DEFINITION, "metric definition arguments",
                "name", "regex", MetricDefinition::new);
    }

    private List<NameValue> nameValues(Object value, String path, String knownLabel) {
        return entries(value, path, Arguments.NAME_VALUE, knownLabel, "name", "value", NameValue::new);
    }

    private List<TagSpec> tags(Object value) {
        return entries(value, "tags", Arguments.TAG, "tag arguments", "key", "value", TagSpec::new);
    }

    /**
     * Reads pairs written either as a list of objects ({@code [{name: eta, value: "0.1"}]}) or as one
     * object ({@code {eta: 0.1}}), in document order.
     */
    private <T> List<T> entries(Object value, String path, List<String> names, String knownLabel, String keyName,
            String valueName, BiFunction<String, String, T> factory) {
        List<T> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                String key = (String) entry.getKey();
                result.add(factory.apply(key, scalarText(entry.getValue(), path + "." + key)));
            }
            return result;
        }
        if (!(value instanceof List<?> list)) {
            errors.add(path + " must be a list of {" + keyName + ", " + valueName + "} objects or an object of "
                    + keyName + "-" + valueName + " pairs, not the single value \"" + ((Scalar) value).text() + "\".");
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            String entryPath = path + "[" + i + "]";
            Map<String, Object> entry = object(list.get(i), entryPath);
            if (entry != null) {
                checkNames(entry, entryPath + ".", names, knownLabel);
                result.add(factory.apply(string(entry, keyName, entryPath + "." + keyName),
                        scalarText(entry.get(valueName), entryPath + "." + valueName)));
            }
        }
        return result;
    }

    private List<ChannelSpec> channels(Object value) {
        List<ChannelSpec> channels = new ArrayList<>();
        if (value == null) {
            return channels;
        }
        if (!(value instanceof List<?> list)) {
            errors.add("channels must be a list of channel objects such as {name: train, s3Uri: "
                    + "s3://example-bucket/train}.");
            return channels;
        }
        for (int i = 0; i < list.size(); i++) {
            String path = "channels[" + i + "]";
            Map<String, Object> channel = object(list.get(i), path);
            if (channel == null) {
                continue;
            }
            checkNames(channel, path + ".", Arguments.CHANNEL, "channel arguments");
            channels.add(ChannelSpec.builder()
                    .name(string(channel, "name", path + ".name"))
                    .s3Uri(string(channel, "s3Uri", path + ".s3Uri"))
                    .localPath(string(channel, "localPath", path + ".localPath"))
                    .contentType(string(channel, "contentType", path + ".contentType"))
                    .compressionType(wireValue(channel, "compressionType", path + ".compressionType",
                            CompressionType.class))
                    .recordWrapperType(wireValue(channel, "recordWrapperType", path + ".recordWrapperType",
                            RecordWrapperType.class))
                    .s3DataType(wireValue(channel, "s3DataType", path + ".s3DataType", S3DataType.class))
                    .s3DataDistributionType(wireValue(channel, "s3DataDistributionType",
                            path + ".s3DataDistributionType", S3DataDistributionType.class))
                    .inputMode(wireValue(channel, "inputMode", path + ".inputMode", TrainingInputMode.class))
                    .build());
        }
        return channels;
    }

    private List<String> stringList(Object value, String path) {
        List<String> result = new ArrayList<>();
        if (value == null) {
            return result;
        }
        if (value instanceof Scalar scalar) {
            result.add(scalar.text());
            return result;
        }
        if (!(value instanceof List<?> list)) {
            errors.add(path + " must be a list of strings, not an object.");
            return result;
        }
        for (int i = 0; i < list.size(); i++) {
            String text = scalarText(list.get(i), path + "[" + i + "]");
            if (text != null) {
                result.add(text);
            }
        }
        return result;
    }

    /** Reports every name of {@code object} that is not in {@code known}, with a close match if any. */
    private void checkNames(Map<String, Object> object, String pathPrefix, List<String> known, String knownLabel) {
        for (String name : object.keySet()) {
            if (known.contains(name)) {
                continue;
            }
            if (pathPrefix.isEmpty() && Arguments.JENKINS_ONLY.contains(name)) {
                errors.add("Argument \"" + name + "\" applies only to the Jenkins step: remove it from the job "
                        + "description.");
                continue;
            }
            String suggestion = Arguments.closest(name, known).map(match -> " Did you mean \"" + match + "\"?")
                    .orElse("");
            errors.add("Unknown argument \"" + pathPrefix + name + "\"." + suggestion + " Known " + knownLabel + ": "
                    + String.join(", ", known) + ".");
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> object(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        errors.add(path + " must be an object of arguments, not " + describe(value) + ".");
        return null;
    }

    private String string(Map<String, Object> arguments, String name) {
        return string(arguments, name, name);
    }

    private String string(Map<String, Object> object, String name, String path) {
        return scalarText(object.get(name), path);
    }

    /** Returns the scalar's text as written, null for a missing value, or reports a list or object. */
    private String scalarText(Object value, String path) {
        if (value == null) {
            return null;
        }
        if (value instanceof Scalar scalar) {
            return scalar.text();
        }
        errors.add(path + " must be a single value, not " + describe(value) + ".");
        return null;
    }

    private Integer integer(Map<String, Object> object, String name) {
        String text = scalarText(object.get(name), name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(name + " \"" + text + "\" is invalid: use a whole number such as 2 (at most 2,147,483,647).");
            return null;
        }
    }

    private Long longValue(Map<String, Object> object, String name) {
        String text = scalarText(object.get(name), name);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Long.valueOf(text.strip());
        } catch (NumberFormatException e) {
            errors.add(name + " \"" + text + "\" is invalid: use a whole number such as 3.");
            return null;
        }
    }

    /** Reads a boolean that may be absent; null when it is. */
    private Boolean optionalBool(Map<String, Object> object, String name) {
        Object value = object.get(name);
        if (value == null) {
            return null;
        }
        return bool(object, name, false);
    }

    private boolean bool(Map<String, Object> object, String name, boolean defaultValue) {
        Object value = object.get(name);
        if (value instanceof Scalar scalar && scalar.isBoolean()) {
            // The YAML parser reads some words such as yes as booleans, too.
            return scalar.token() == JsonToken.VALUE_TRUE;
        }
        String text = scalarText(value, name);
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        String normalized = text.strip().toLowerCase(Locale.ROOT);
        if (normalized.equals("true") || normalized.equals("false")) {
            return normalized.equals("true");
        }
        errors.add(name + " \"" + text + "\" is invalid: use true or false.");
        return defaultValue;
    }

    private <E extends Enum<E> & WireValue> E wireValue(Map<String, Object> arguments, String name, Class<E> type) {
        return wireValue(arguments, name, name, type);
    }

    private <E extends Enum<E> & WireValue> E wireValue(Map<String, Object> object, String name, String path,
            Class<E> type) {
        String text = scalarText(object.get(name), path);
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return WireValue.parse(type, path, text);
        } catch (IllegalArgumentException e) {
            errors.add(e.getMessage());
            return null;
        }
    }

    private String url(Map<String, Object> object, String name) {
        String text = scalarText(object.get(name), name);
        if (text == null || text.isBlank()) {
            return null;
        }
        String trimmed = text.strip();
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return trimmed;
            }
        } catch (URISyntaxException e) {
            // Reported below with the same advice as a URL without scheme or host.
        }
        errors.add(name + " \"" + text + "\" is invalid: use an absolute http or https URL such as "
                + "http://127.0.0.1:8080.");
        return null;
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?>) {
            return "an object";
        }
        if (value instanceof List<?>) {
            return "a list";
        }
        if (value instanceof Scalar scalar) {
            return "the single value \"" + scalar.text() + "\"";
        }
        return "an empty value";
    }
}
