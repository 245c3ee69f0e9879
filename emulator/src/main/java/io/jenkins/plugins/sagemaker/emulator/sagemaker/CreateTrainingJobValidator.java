package io.jenkins.plugins.sagemaker.emulator.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sagemaker.emulator.protocol.ApiException;
import io.jenkins.plugins.sagemaker.emulator.protocol.Json;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Input checks of CreateTrainingJob that do not depend on other resources, with the limits and patterns
 * of the SageMaker API reference. Each failure is a ValidationException that names the member in the
 * service's camelCase member path form, for example {@code resourceConfig.instanceCount}.
 */
final class CreateTrainingJobValidator {

    static final Pattern JOB_NAME = Pattern.compile("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$");
    static final Pattern ROLE_ARN = Pattern.compile("^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$");
    static final Pattern CHANNEL_NAME = Pattern.compile("[A-Za-z0-9\\.\\-_]+");
    static final Pattern ALGORITHM_NAME = Pattern.compile(
            "(arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]*:[0-9]{12}:[a-z\\-]*/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)");
    static final Pattern TRAINING_IMAGE = Pattern.compile("[\\S]+");
    static final Pattern TAG_TEXT = Pattern.compile("^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$");
    static final Pattern ENVIRONMENT_KEY = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    static final Pattern VPC_ID = Pattern.compile("[-0-9a-zA-Z]+");
    static final Pattern INSTANCE_TYPE = Pattern.compile("ml\\.[a-z0-9-]+\\.[a-z0-9]+");

    /** MaxRuntimeInSeconds limit for training jobs: 28 days. */
    static final long MAX_RUNTIME_LIMIT_SECONDS = 2_419_200L;

    private CreateTrainingJobValidator() {
    }

    static String jobName(JsonNode request) {
        String name = requiredText(request, "TrainingJobName", "trainingJobName");
        if (name.length() > 63) {
            throw ApiException.constraint(name, "trainingJobName", "Member must have length less than or equal to 63");
        }
        if (!JOB_NAME.matcher(name).matches()) {
            throw ApiException.constraint(name, "trainingJobName", "Member must satisfy regular expression pattern: " + JOB_NAME.pattern());
        }
        return name;
    }

    /** Checks AlgorithmSpecification and returns its image-job metric definitions. */
    static List<MetricDefinition> algorithmSpecification(JsonNode request) {
        JsonNode specification = requiredObject(request, "AlgorithmSpecification", "algorithmSpecification");
        String image = Json.text(specification, "TrainingImage", "algorithmSpecification.trainingImage");
        String algorithm = Json.text(specification, "AlgorithmName", "algorithmSpecification.algorithmName");
        if ((image == null) == (algorithm == null)) {
            throw ApiException.validation("AlgorithmSpecification must contain exactly one of TrainingImage and AlgorithmName,"
                    + " but " + (image == null ? "neither was" : "both were") + " given.");
        }
        if (image != null) {
            checkLength(image, "algorithmSpecification.trainingImage", 1, 255);
            checkPattern(image, "algorithmSpecification.trainingImage", TRAINING_IMAGE);
        } else {
            checkLength(algorithm, "algorithmSpecification.algorithmName", 1, 170);
            checkPattern(algorithm, "algorithmSpecification.algorithmName", ALGORITHM_NAME);
        }
        String inputMode = requiredText(specification, "TrainingInputMode", "algorithmSpecification.trainingInputMode");
        checkEnum(inputMode, "algorithmSpecification.trainingInputMode", List.of("Pipe", "File", "FastFile"));
        return metricDefinitions(specification.get("MetricDefinitions"), "algorithmSpecification.metricDefinitions");
    }

    /** Parses MetricDefinitions ({Name, Regex}, at most 40) from a job or an algorithm's TrainingSpecification. */
    static List<MetricDefinition> metricDefinitions(JsonNode definitions, String memberPath) {
        List<MetricDefinition> result = new ArrayList<>();
        if (definitions == null || definitions.isNull()) {
            return result;
        }
        checkArray(definitions, memberPath, 0, 40);
        int index = 1;
        for (JsonNode definition : definitions) {
            String path = memberPath + "." + index + ".member";
            String name = requiredText(definition, "Name", path + ".name");
            checkLength(name, path + ".name", 1, 255);
            String regex = requiredText(definition, "Regex", path + ".regex");
            checkLength(regex, path + ".regex", 1, 500);
            try {
                result.add(new MetricDefinition(name, Pattern.compile(regex)));
            } catch (PatternSyntaxException e) {
                throw ApiException.validation("The metric definition " + name + " has an invalid regular expression " + regex
                        + ": " + e.getDescription());
            }
            index++;
        }
        return result;
    }

    static String roleArn(JsonNode request) {
        String roleArn = requiredText(request, "RoleArn", "roleArn");
        checkLength(roleArn, "roleArn", 20, 2048);
        checkPattern(roleArn, "roleArn", ROLE_ARN);
        return roleArn;
    }

    /** Checks InputDataConfig and returns the channels that read from S3. */
    static List<TrainingJob.InputChannel> inputDataConfig(JsonNode request) {
        List<TrainingJob.InputChannel> channels = new ArrayList<>();
        JsonNode config = request.get("InputDataConfig");
        if (config == null || config.isNull()) {
            return channels;
        }
        checkArray(config, "inputDataConfig", 0, 20);
        Set<String> names = new HashSet<>();
        int index = 1;
        for (JsonNode channel : config) {
            String path = "inputDataConfig." + index + ".member";
            String name = requiredText(channel, "ChannelName", path + ".channelName");
            checkLength(name, path + ".channelName", 1, 64);
            checkPattern(name, path + ".channelName", CHANNEL_NAME);
            if (!names.add(name)) {
                throw ApiException.validation("Channel names must be unique, but InputDataConfig contains the channel name "
                        + name + " more than once.");
            }
            JsonNode dataSource = requiredObject(channel, "DataSource", path + ".dataSource");
            JsonNode s3 = dataSource.get("S3DataSource");
            JsonNode fileSystem = dataSource.get("FileSystemDataSource");
            if ((s3 == null) == (fileSystem == null)) {
                throw ApiException.validation("The DataSource of channel " + name
                        + " must contain exactly one of S3DataSource and FileSystemDataSource.");
            }
            if (s3 != null) {
                String s3Path = path + ".dataSource.s3DataSource";
                String dataType = requiredText(s3, "S3DataType", s3Path + ".s3DataType");
                checkEnum(dataType, s3Path + ".s3DataType", List.of("ManifestFile", "S3Prefix", "AugmentedManifestFile", "Converse"));
                String uri = requiredText(s3, "S3Uri", s3Path + ".s3Uri");
                checkLength(uri, s3Path + ".s3Uri", 1, 1024);
                checkPattern(uri, s3Path + ".s3Uri", S3Location.URI_PATTERN);
                String distribution = Json.text(s3, "S3DataDistributionType", s3Path + ".s3DataDistributionType");
                if (distribution != null) {
                    checkEnum(distribution, s3Path + ".s3DataDistributionType", List.of("FullyReplicated", "ShardedByS3Key"));
                }
                channels.add(new TrainingJob.InputChannel(name, uri));
            }
            String contentType = Json.text(channel, "ContentType", path + ".contentType");
            if (contentType != null) {
                checkLength(contentType, path + ".contentType", 0, 256);
            }
            String compression = Json.text(channel, "CompressionType", path + ".compressionType");
            if (compression != null) {
                checkEnum(compression, path + ".compressionType", List.of("None", "Gzip"));
            }
            String inputMode = Json.text(channel, "InputMode", path + ".inputMode");
            if (inputMode != null) {
                checkEnum(inputMode, path + ".inputMode", List.of("Pipe", "File", "FastFile"));
            }
            String wrapper = Json.text(channel, "RecordWrapperType", path + ".recordWrapperType");
            if (wrapper != null) {
                checkEnum(wrapper, path + ".recordWrapperType", List.of("None", "RecordIO"));
            }
            index++;
        }
        return channels;
    }

    static String outputPath(JsonNode request) {
        JsonNode output = requiredObject(request, "OutputDataConfig", "outputDataConfig");
        String path = requiredText(output, "S3OutputPath", "outputDataConfig.s3OutputPath");
        checkLength(path, "outputDataConfig.s3OutputPath", 0, 1024);
        checkPattern(path, "outputDataConfig.s3OutputPath", S3Location.URI_PATTERN);
        String kmsKeyId = Json.text(output, "KmsKeyId", "outputDataConfig.kmsKeyId");
        if (kmsKeyId != null) {
            checkLength(kmsKeyId, "outputDataConfig.kmsKeyId", 0, 2048);
        }
        String compression = Json.text(output, "CompressionType", "outputDataConfig.compressionType");
        if (compression != null) {
            checkEnum(compression, "outputDataConfig.compressionType", List.of("GZIP", "NONE"));
        }
        return path;
    }

    /** Checks ResourceConfig and returns the instance count. */
    static int resourceConfig(JsonNode request) {
        JsonNode resources = requiredObject(request, "ResourceConfig", "resourceConfig");
        String instanceType = requiredText(resources, "InstanceType", "resourceConfig.instanceType");
        checkPattern(instanceType, "resourceConfig.instanceType", INSTANCE_TYPE);
        Integer count = Json.integer(resources, "InstanceCount", "resourceConfig.instanceCount");
        if (count == null) {
            throw ApiException.constraint(null, "resourceConfig.instanceCount", "Member must not be null");
        }
        if (count < 1) {
            throw ApiException.constraint(count, "resourceConfig.instanceCount", "Member must have value greater than or equal to 1");
        }
        Integer volume = Json.integer(resources, "VolumeSizeInGB", "resourceConfig.volumeSizeInGB");
        if (volume == null) {
            throw ApiException.constraint(null, "resourceConfig.volumeSizeInGB", "Member must not be null");
        }
        if (volume < 1) {
            throw ApiException.constraint(volume, "resourceConfig.volumeSizeInGB", "Member must have value greater than or equal to 1");
        }
        Integer keepAlive = Json.integer(resources, "KeepAlivePeriodInSeconds", "resourceConfig.keepAlivePeriodInSeconds");
        if (keepAlive != null && (keepAlive < 0 || keepAlive > 3600)) {
            throw ApiException.constraint(keepAlive, "resourceConfig.keepAlivePeriodInSeconds", "Member must have value between 0 and 3600");
        }
        return count;
    }

    static String instanceType(JsonNode request) {
        return request.path("ResourceConfig").path("InstanceType").asText();
    }

    static void vpcConfig(JsonNode request) {
        JsonNode vpc = request.get("VpcConfig");
        if (vpc == null || vpc.isNull()) {
            return;
        }
        JsonNode groups = requiredArray(vpc, "SecurityGroupIds", "vpcConfig.securityGroupIds", 1, 5);
        for (JsonNode group : groups) {
            checkLength(group.asText(), "vpcConfig.securityGroupIds", 0, 32);
            checkPattern(group.asText(), "vpcConfig.securityGroupIds", VPC_ID);
        }
        JsonNode subnets = requiredArray(vpc, "Subnets", "vpcConfig.subnets", 1, 16);
        for (JsonNode subnet : subnets) {
            checkLength(subnet.asText(), "vpcConfig.subnets", 0, 32);
            checkPattern(subnet.asText(), "vpcConfig.subnets", VPC_ID);
        }
    }

    /** Checks StoppingCondition together with EnableManagedSpotTraining and returns MaxRuntimeInSeconds. */
    static long stoppingCondition(JsonNode request, boolean managedSpot) {
        JsonNode condition = requiredObject(request, "StoppingCondition", "stoppingCondition");
        Long maxRuntime = Json.longValue(condition, "MaxRuntimeInSeconds", "stoppingCondition.maxRuntimeInSeconds");
        if (maxRuntime == null) {
            // SageMaker's default when StoppingCondition has no MaxRuntimeInSeconds: one day.
            maxRuntime = 86_400L;
        }
        if (maxRuntime < 1 || maxRuntime > MAX_RUNTIME_LIMIT_SECONDS) {
            throw ApiException.validation("Invalid MaxRuntimeInSeconds " + maxRuntime + " in stoppingCondition.maxRuntimeInSeconds:"
                    + " it must be between 1 and " + MAX_RUNTIME_LIMIT_SECONDS + " seconds (28 days).");
        }
        Long maxWait = Json.longValue(condition, "MaxWaitTimeInSeconds", "stoppingCondition.maxWaitTimeInSeconds");
        if (maxWait != null && !managedSpot) {
            throw ApiException.validation("stoppingCondition.maxWaitTimeInSeconds can only be set when EnableManagedSpotTraining is true;"
                    + " remove MaxWaitTimeInSeconds or enable managed spot training.");
        }
        if (managedSpot && maxWait == null) {
            throw ApiException.validation("stoppingCondition.maxWaitTimeInSeconds is required when EnableManagedSpotTraining is true.");
        }
        if (maxWait != null && maxWait < maxRuntime) {
            throw ApiException.validation("Invalid MaxWaitTimeInSeconds " + maxWait + " in stoppingCondition.maxWaitTimeInSeconds:"
                    + " it must not be less than MaxRuntimeInSeconds (" + maxRuntime + ").");
        }
        Long maxPending = Json.longValue(condition, "MaxPendingTimeInSeconds", "stoppingCondition.maxPendingTimeInSeconds");
        if (maxPending != null && (maxPending < 7200 || maxPending > MAX_RUNTIME_LIMIT_SECONDS)) {
            throw ApiException.constraint(maxPending, "stoppingCondition.maxPendingTimeInSeconds",
                    "Member must have value between 7200 and " + MAX_RUNTIME_LIMIT_SECONDS);
        }
        return maxRuntime;
    }

    /** Checks HyperParameters: at most 100, keys up to 256 and values up to 2500 characters. */
    static Map<String, String> hyperParameters(JsonNode request) {
        return stringMap(request, "HyperParameters", "hyperParameters", 100, 256, 2500, null);
    }

    static Map<String, String> environment(JsonNode request) {
        return stringMap(request, "Environment", "environment", 100, 512, 512, ENVIRONMENT_KEY);
    }

    /** Checks Tags (at most 50, key 1 to 128, value 0 to 256 characters) and returns them in order. */
    static Map<String, String> tags(JsonNode request) {
        Map<String, String> tags = new LinkedHashMap<>();
        JsonNode list = request.get("Tags");
        if (list == null || list.isNull()) {
            return tags;
        }
        checkArray(list, "tags", 0, 50);
        int index = 1;
        for (JsonNode tag : list) {
            String path = "tags." + index + ".member";
            String key = requiredText(tag, "Key", path + ".key");
            checkLength(key, path + ".key", 1, 128);
            checkPattern(key, path + ".key", TAG_TEXT);
            String value = Json.text(tag, "Value", path + ".value");
            if (value == null) {
                throw ApiException.constraint(null, path + ".value", "Member must not be null");
            }
            checkLength(value, path + ".value", 0, 256);
            checkPattern(value, path + ".value", TAG_TEXT);
            tags.put(key, value);
            index++;
        }
        return tags;
    }

    static void checkpointConfig(JsonNode request) {
        JsonNode checkpoint = request.get("CheckpointConfig");
        if (checkpoint == null || checkpoint.isNull()) {
            return;
        }
        String uri = requiredText(checkpoint, "S3Uri", "checkpointConfig.s3Uri");
        checkLength(uri, "checkpointConfig.s3Uri", 0, 1024);
        checkPattern(uri, "checkpointConfig.s3Uri", S3Location.URI_PATTERN);
        String localPath = Json.text(checkpoint, "LocalPath", "checkpointConfig.localPath");
        if (localPath != null) {
            checkLength(localPath, "checkpointConfig.localPath", 0, 4096);
        }
    }

    static boolean flag(JsonNode request, String member, String memberPath) {
        Boolean value = Json.bool(request, member, memberPath);
        return value != null && value;
    }

    private static Map<String, String> stringMap(JsonNode request, String member, String memberPath, int maxEntries,
            int maxKeyLength, int maxValueLength, Pattern keyPattern) {
        Map<String, String> result = new LinkedHashMap<>();
        JsonNode map = request.get(member);
        if (map == null || map.isNull()) {
            return result;
        }
        if (!map.isObject()) {
            throw ApiException.constraint(map.toString(), memberPath, "Member must be a map of strings");
        }
        if (map.size() > maxEntries) {
            throw ApiException.constraint("{...}", memberPath, "Member must have length less than or equal to " + maxEntries
                    + " (the request has " + map.size() + " entries)");
        }
        for (Map.Entry<String, JsonNode> entry : map.properties()) {
            String key = entry.getKey();
            if (key.length() > maxKeyLength) {
                throw ApiException.validation("The key " + abbreviate(key) + " in " + memberPath + " has " + key.length()
                        + " characters; keys are limited to " + maxKeyLength + ".");
            }
            if (keyPattern != null && !keyPattern.matcher(key).matches()) {
                throw ApiException.validation("The key " + key + " in " + memberPath + " must match " + keyPattern.pattern() + ".");
            }
            if (!entry.getValue().isTextual()) {
                throw ApiException.validation("The value of " + key + " in " + memberPath + " must be a string.");
            }
            String value = entry.getValue().asText();
            if (value.length() > maxValueLength) {
                throw ApiException.validation("The value of " + key + " in " + memberPath + " has " + value.length()
                        + " characters; values are limited to " + maxValueLength + ".");
            }
            result.put(key, value);
        }
        return result;
    }

    static String requiredText(JsonNode node, String member, String memberPath) {
        String value = Json.text(node, member, memberPath);
        if (value == null) {
            throw ApiException.constraint(null, memberPath, "Member must not be null");
        }
        return value;
    }

    static JsonNode requiredObject(JsonNode node, String member, String memberPath) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            throw ApiException.constraint(null, memberPath, "Member must not be null");
        }
        if (!value.isObject()) {
            throw ApiException.constraint(value.toString(), memberPath, "Member must be a structure");
        }
        return (ObjectNode) value;
    }

    private static JsonNode requiredArray(JsonNode node, String member, String memberPath, int min, int max) {
        JsonNode value = node.get(member);
        if (value == null || value.isNull()) {
            throw ApiException.constraint(null, memberPath, "Member must not be null");
        }
        checkArray(value, memberPath, min, max);
        return value;
    }

    private static void checkArray(JsonNode value, String memberPath, int min, int max) {
        if (!value.isArray()) {
            throw ApiException.constraint(value.toString(), memberPath, "Member must be a list");
        }
        if (value.size() < min) {
            throw ApiException.constraint("[]", memberPath, "Member must have length greater than or equal to " + min);
        }
        if (value.size() > max) {
            throw ApiException.constraint("[" + value.size() + " items]", memberPath, "Member must have length less than or equal to " + max);
        }
    }

    static void checkLength(String value, String memberPath, int min, int max) {
        if (value.length() < min) {
            throw ApiException.constraint(value, memberPath, "Member must have length greater than or equal to " + min);
        }
        if (value.length() > max) {
            throw ApiException.constraint(abbreviate(value), memberPath, "Member must have length less than or equal to " + max);
        }
    }

    static void checkPattern(String value, String memberPath, Pattern pattern) {
        if (!pattern.matcher(value).matches()) {
            throw ApiException.constraint(value, memberPath, "Member must satisfy regular expression pattern: " + pattern.pattern());
        }
    }

    static void checkEnum(String value, String memberPath, List<String> allowed) {
        if (!allowed.contains(value)) {
            throw ApiException.constraint(value, memberPath, "Member must satisfy enum value set: " + allowed);
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
