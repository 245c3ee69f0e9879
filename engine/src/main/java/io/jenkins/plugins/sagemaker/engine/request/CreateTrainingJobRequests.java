package io.jenkins.plugins.sagemaker.engine.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sagemaker.engine.naming.JobNames;
import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.NameValue;
import io.jenkins.plugins.sagemaker.engine.spec.TagSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TimeAmount;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CheckpointConfig;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DataSource;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.VpcConfig;

/** Turns a {@link TrainingJobSpec} into the SDK's {@link CreateTrainingJobRequest}, and that into JSON. */
public final class CreateTrainingJobRequests {

    /** Key of the tag that the engine puts on every job; its value is the run id. */
    public static final String RUN_ID_TAG_KEY = "sagemaker-training:run-id";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private CreateTrainingJobRequests() {
    }

    /**
     * Builds the request for one run. Optional strings that are not set are left out of the request.
     * Hyperparameters keep their order and exact text. The tag {@value #RUN_ID_TAG_KEY} = {@code runId}
     * is added after the user's tags.
     *
     * <p>This does not validate {@code spec}: call
     * {@code SpecValidator.requireValid(spec)} first.
     *
     * @param jobName the final job name, such as one from {@link JobNames#derive}
     * @param runId the id that identifies this run, such as a UUID, so a retry can find its job
     * @throws IllegalArgumentException if {@code jobName} is not a valid job name or {@code runId} is blank
     * @throws ArithmeticException if a duration in seconds does not fit SageMaker's integer fields
     */
    public static CreateTrainingJobRequest build(TrainingJobSpec spec, String jobName, String runId) {
        if (!JobNames.isValid(jobName)) {
            throw new IllegalArgumentException("Job name \"" + jobName + "\" is invalid: use letters, digits and "
                    + "hyphens, starting and ending with a letter or digit (pattern " + JobNames.PATTERN.pattern()
                    + ").");
        }
        if (runId == null || runId.isBlank()) {
            throw new IllegalArgumentException("Run id is missing: pass a unique id such as a UUID.");
        }

        CreateTrainingJobRequest.Builder request = CreateTrainingJobRequest.builder()
                .trainingJobName(jobName)
                .algorithmSpecification(algorithmSpecification(spec))
                .roleArn(spec.getRoleArn())
                .resourceConfig(ResourceConfig.builder()
                        .instanceType(spec.getInstanceType())
                        .instanceCount(spec.getInstanceCount())
                        .volumeSizeInGB(spec.getVolumeSizeInGb())
                        .volumeKmsKeyId(spec.getVolumeKmsKeyId())
                        .build())
                .stoppingCondition(stoppingCondition(spec))
                .enableNetworkIsolation(spec.getEnableNetworkIsolation())
                .enableInterContainerTrafficEncryption(spec.isEnableInterContainerTrafficEncryption())
                .outputDataConfig(OutputDataConfig.builder()
                        .s3OutputPath(spec.getOutputPath())
                        .kmsKeyId(spec.getOutputKmsKeyId())
                        .build())
                .tags(tags(spec, runId));

        if (spec.isUseSpotInstances()) {
            request.enableManagedSpotTraining(true);
        }
        if (spec.getCheckpointS3Uri() != null) {
            request.checkpointConfig(CheckpointConfig.builder()
                    .s3Uri(spec.getCheckpointS3Uri())
                    .localPath(spec.getCheckpointLocalPath())
                    .build());
        }
        if (!spec.getSubnets().isEmpty() || !spec.getSecurityGroupIds().isEmpty()) {
            request.vpcConfig(VpcConfig.builder()
                    .subnets(spec.getSubnets())
                    .securityGroupIds(spec.getSecurityGroupIds())
                    .build());
        }
        if (!spec.getEnvironment().isEmpty()) {
            request.environment(toMap(spec.getEnvironment()));
        }
        if (!spec.getHyperparameters().isEmpty()) {
            request.hyperParameters(toMap(spec.getHyperparameters()));
        }
        if (!spec.getChannels().isEmpty()) {
            request.inputDataConfig(spec.getChannels().stream().map(CreateTrainingJobRequests::channel).toList());
        }
        return request.build();
    }

    /**
     * Prints {@code request} as pretty-printed JSON with SageMaker's member names ("TrainingJobName",
     * "HyperParameters", ...), as the SDK sends it. Members that are not set are left out. The JSON is
     * built from the SDK's own field list, so it follows every member of the SDK version in use.
     */
    public static String toJson(CreateTrainingJobRequest request) {
        try {
            return JSON.writeValueAsString(toNode(request));
        } catch (JsonProcessingException e) {
            // A tree of plain nodes always serializes, so this would be a Jackson defect.
            throw new IllegalStateException("Failed to print the request as JSON", e);
        }
    }

    private static AlgorithmSpecification algorithmSpecification(TrainingJobSpec spec) {
        AlgorithmSpecification.Builder algorithm = AlgorithmSpecification.builder()
                .trainingInputMode(spec.getTrainingInputMode().wireValue());
        if (spec.getAlgorithm() != null) {
            algorithm.algorithmName(spec.getAlgorithm());
        } else {
            algorithm.trainingImage(spec.getTrainingImage());
        }
        if (!spec.getMetricDefinitions().isEmpty()) {
            algorithm.metricDefinitions(spec.getMetricDefinitions().stream()
                    .map(metric -> software.amazon.awssdk.services.sagemaker.model.MetricDefinition.builder()
                            .name(metric.getName())
                            .regex(metric.getRegex())
                            .build())
                    .toList());
        }
        return algorithm.build();
    }

    private static StoppingCondition stoppingCondition(TrainingJobSpec spec) {
        StoppingCondition.Builder condition = StoppingCondition.builder()
                .maxRuntimeInSeconds(toIntSeconds(spec.getMaxRuntime()));
        if (spec.isUseSpotInstances() && spec.getMaxWait() != null) {
            condition.maxWaitTimeInSeconds(toIntSeconds(spec.getMaxWait()));
        }
        return condition.build();
    }

    private static int toIntSeconds(TimeAmount amount) {
        return Math.toIntExact(amount.toSeconds());
    }

    private static Channel channel(ChannelSpec spec) {
        if (spec.isFromWorkspace()) {
            throw new IllegalStateException("Channel " + spec.getName() + " reads workspace path " + spec.getLocalPath()
                    + ", which must be uploaded before the request is built; upload it first.");
        }
        Channel.Builder channel = Channel.builder()
                .channelName(spec.getName())
                .contentType(spec.getContentType())
                .compressionType(spec.getCompressionType().wireValue())
                .recordWrapperType(spec.getRecordWrapperType().wireValue())
                .dataSource(DataSource.builder()
                        .s3DataSource(S3DataSource.builder()
                                .s3DataType(spec.getS3DataType().wireValue())
                                .s3Uri(spec.getS3Uri())
                                .s3DataDistributionType(spec.getS3DataDistributionType().wireValue())
                                .build())
                        .build());
        if (spec.getInputMode() != null) {
            channel.inputMode(spec.getInputMode().wireValue());
        }
        return channel.build();
    }

    private static List<Tag> tags(TrainingJobSpec spec, String runId) {
        List<Tag> tags = new ArrayList<>();
        for (TagSpec tag : spec.getTags()) {
            tags.add(Tag.builder().key(tag.getKey()).value(tag.getValue()).build());
        }
        tags.add(Tag.builder().key(RUN_ID_TAG_KEY).value(runId).build());
        return tags;
    }

    // LinkedHashMap keeps the entered order, and the SDK's copy of the map keeps it too.
    private static Map<String, String> toMap(List<NameValue> entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (NameValue entry : entries) {
            map.put(entry.getName(), entry.getValue());
        }
        return map;
    }

    /** Converts an SDK value (structure, list, map or scalar) into a JSON node, or null when unset. */
    private static JsonNode toNode(Object value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        if (value == null || value instanceof SdkAutoConstructList<?> || value instanceof SdkAutoConstructMap<?, ?>) {
            return null;
        }
        if (value instanceof SdkPojo pojo) {
            ObjectNode object = nodes.objectNode();
            for (SdkField<?> field : pojo.sdkFields()) {
                JsonNode member = toNode(field.getValueOrDefault(pojo));
                if (member != null) {
                    object.set(field.locationName(), member);
                }
            }
            return object;
        }
        if (value instanceof List<?> list) {
            ArrayNode array = nodes.arrayNode();
            list.forEach(element -> array.add(toNode(element)));
            return array;
        }
        if (value instanceof Map<?, ?> map) {
            ObjectNode object = nodes.objectNode();
            map.forEach((key, element) -> object.set(String.valueOf(key), toNode(element)));
            return object;
        }
        if (value instanceof Boolean bool) {
            return nodes.booleanNode(bool);
        }
        if (value instanceof Integer || value instanceof Long) {
            return nodes.numberNode(((Number) value).longValue());
        }
        if (value instanceof Number number) {
            return nodes.numberNode(new BigDecimal(number.toString()));
        }
        if (value instanceof Instant instant) {
            // The JSON protocol sends timestamps as epoch seconds with a fraction.
            return nodes.numberNode(BigDecimal.valueOf(instant.getEpochSecond())
                    .add(BigDecimal.valueOf(instant.getNano(), 9)).stripTrailingZeros());
        }
        if (value instanceof SdkBytes bytes) {
            return nodes.binaryNode(bytes.asByteArray());
        }
        return nodes.textNode(value.toString());
    }
}
