package io.jenkins.plugins.sagemaker.emulator.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.sagemaker.emulator.protocol.ApiException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a CreateTrainingJob request against the TrainingSpecification of the algorithm it names, as
 * SageMaker does: instance type, distributed training, channels, hyperparameters and, for AWS
 * Marketplace algorithms, network isolation.
 */
final class AlgorithmJobValidator {

    private final AlgorithmRegistry.RegisteredAlgorithm algorithm;
    private final JsonNode specification;

    AlgorithmJobValidator(AlgorithmRegistry.RegisteredAlgorithm algorithm) {
        this.algorithm = algorithm;
        this.specification = algorithm.trainingSpecification();
    }

    void checkNetworkIsolation(boolean enableNetworkIsolation) {
        if (algorithm.isMarketplace() && !enableNetworkIsolation) {
            throw ApiException.validation("Training jobs that use the AWS Marketplace algorithm " + algorithm.arn()
                    + " must run with network isolation: set EnableNetworkIsolation to true.");
        }
    }

    void checkResources(String instanceType, int instanceCount) {
        List<String> supported = texts(specification.path("SupportedTrainingInstanceTypes"));
        if (!supported.contains(instanceType)) {
            throw ApiException.validation("Instance type " + instanceType + " is not supported by algorithm " + algorithm.arn()
                    + ". Supported training instance types: " + supported + ".");
        }
        if (instanceCount > 1 && !specification.path("SupportsDistributedTraining").asBoolean(false)) {
            throw ApiException.validation("Algorithm " + algorithm.arn() + " does not support distributed training;"
                    + " set ResourceConfig.InstanceCount to 1 instead of " + instanceCount + ".");
        }
    }

    void checkChannels(JsonNode request) {
        String defaultInputMode = request.path("AlgorithmSpecification").path("TrainingInputMode").asText("File");
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode channel : specification.path("TrainingChannels")) {
            declared.put(channel.path("Name").asText(), channel);
        }

        List<String> requestedChannels = new ArrayList<>();
        for (JsonNode channel : request.path("InputDataConfig")) {
            String name = channel.path("ChannelName").asText();
            requestedChannels.add(name);
            JsonNode declaration = declared.get(name);
            if (declaration == null) {
                throw ApiException.validation("Channel " + name + " is not supported by algorithm " + algorithm.arn()
                        + ". Supported channels: " + declared.keySet() + ".");
            }
            checkChannelValue(name, "content type", channel.path("ContentType").asText(null),
                    texts(declaration.path("SupportedContentTypes")));
            checkChannelValue(name, "compression type", channel.path("CompressionType").asText("None"),
                    texts(declaration.path("SupportedCompressionTypes")));
            checkChannelValue(name, "input mode", channel.path("InputMode").asText(defaultInputMode),
                    texts(declaration.path("SupportedInputModes")));
        }
        declared.forEach((name, declaration) -> {
            if (declaration.path("IsRequired").asBoolean(false) && !requestedChannels.contains(name)) {
                throw ApiException.validation("Channel " + name + " is required by algorithm " + algorithm.arn()
                        + " but missing from InputDataConfig.");
            }
        });
    }

    /** Checks the hyperparameters and returns them with the algorithm's defaults added, as DescribeTrainingJob shows them. */
    Map<String, String> checkHyperParameters(Map<String, String> requested) {
        Map<String, JsonNode> declared = new LinkedHashMap<>();
        for (JsonNode parameter : specification.path("SupportedHyperParameters")) {
            declared.put(parameter.path("Name").asText(), parameter);
        }

        for (Map.Entry<String, String> entry : requested.entrySet()) {
            String name = entry.getKey();
            JsonNode declaration = declared.get(name);
            // Names starting with "sagemaker_" or "_" are reserved for SageMaker and its tuning jobs.
            boolean reserved = name.startsWith("sagemaker_") || name.startsWith("_");
            if (declaration == null && !reserved) {
                throw ApiException.validation("Hyperparameter " + name + " is not supported by algorithm " + algorithm.arn()
                        + ". Supported hyperparameters: " + declared.keySet() + ".");
            }
            if (declaration != null) {
                checkHyperParameterValue(name, entry.getValue(), declaration);
            }
        }

        Map<String, String> effective = new LinkedHashMap<>();
        declared.forEach((name, declaration) -> {
            if (!requested.containsKey(name)) {
                if (declaration.path("IsRequired").asBoolean(false)) {
                    throw ApiException.validation("Hyperparameter " + name + " is required by algorithm " + algorithm.arn()
                            + " but missing from HyperParameters.");
                }
                if (declaration.hasNonNull("DefaultValue")) {
                    effective.put(name, declaration.get("DefaultValue").asText());
                }
            }
        });
        effective.putAll(requested);
        return effective;
    }

    List<MetricDefinition> metricDefinitions() {
        return CreateTrainingJobValidator.metricDefinitions(specification.get("MetricDefinitions"),
                "trainingSpecification.metricDefinitions");
    }

    private void checkChannelValue(String channel, String property, String value, List<String> supported) {
        if (value != null && !supported.isEmpty() && !supported.contains(value)) {
            throw ApiException.validation("The " + property + " " + value + " of channel " + channel + " is not supported by algorithm "
                    + algorithm.arn() + ". Supported values: " + supported + ".");
        }
    }

    private void checkHyperParameterValue(String name, String value, JsonNode declaration) {
        String type = declaration.path("Type").asText();
        JsonNode range = declaration.path("Range");
        switch (type) {
            case "Integer" -> {
                long parsed;
                try {
                    parsed = Long.parseLong(value.trim());
                } catch (NumberFormatException e) {
                    throw invalidHyperParameter(name, value, "an integer");
                }
                checkRange(name, value, BigDecimal.valueOf(parsed), range.path("IntegerParameterRangeSpecification"));
            }
            case "Continuous" -> {
                BigDecimal parsed;
                try {
                    parsed = new BigDecimal(value.trim());
                } catch (NumberFormatException e) {
                    throw invalidHyperParameter(name, value, "a number");
                }
                checkRange(name, value, parsed, range.path("ContinuousParameterRangeSpecification"));
            }
            case "Categorical" -> {
                List<String> values = texts(range.path("CategoricalParameterRangeSpecification").path("Values"));
                if (!values.isEmpty() && !values.contains(value)) {
                    throw invalidHyperParameter(name, value, "one of " + values);
                }
            }
            default -> {
                // FreeText accepts any value.
            }
        }
    }

    private void checkRange(String name, String value, BigDecimal parsed, JsonNode range) {
        if (range.hasNonNull("MinValue") && parsed.compareTo(new BigDecimal(range.get("MinValue").asText())) < 0
                || range.hasNonNull("MaxValue") && parsed.compareTo(new BigDecimal(range.get("MaxValue").asText())) > 0) {
            throw invalidHyperParameter(name, value, "between " + range.path("MinValue").asText() + " and " + range.path("MaxValue").asText());
        }
    }

    private ApiException invalidHyperParameter(String name, String value, String expected) {
        return ApiException.validation("Hyperparameter " + name + " has the invalid value " + value + " for algorithm "
                + algorithm.arn() + ": it must be " + expected + ".");
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        for (JsonNode value : array) {
            values.add(value.asText());
        }
        return values;
    }
}
