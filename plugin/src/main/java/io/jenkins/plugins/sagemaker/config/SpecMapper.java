package io.jenkins.plugins.sagemaker.config;

import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.CompressionType;
import io.jenkins.plugins.sagemaker.engine.spec.RecordWrapperType;
import io.jenkins.plugins.sagemaker.engine.spec.RuntimeUnit;
import io.jenkins.plugins.sagemaker.engine.spec.S3DataDistributionType;
import io.jenkins.plugins.sagemaker.engine.spec.S3DataType;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingInputMode;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.spec.WireValue;

/**
 * Converts a {@link TrainingJobConfig} into the engine's {@link TrainingJobSpec}. Values are copied as
 * entered; the engine's {@code SpecValidator} judges them afterwards, so this class only parses the
 * enumerated fields.
 */
public final class SpecMapper {

    private SpecMapper() {
    }

    /**
     * Builds the job specification.
     *
     * @throws IllegalArgumentException if an enumerated field contains an unknown value; the message names
     *     the field, the value and the allowed values
     */
    public static TrainingJobSpec toSpec(TrainingJobConfig config) {
        TrainingJobSpec.Builder spec = TrainingJobSpec.builder()
                .jobName(config.getJobName())
                .baseJobName(config.getBaseJobName())
                .algorithm(config.getAlgorithm())
                .trainingImage(config.getTrainingImage())
                .trainingInputMode(TrainingInputMode.parse(config.getTrainingInputMode()))
                .roleArn(config.getRoleArn())
                .instanceType(config.getInstanceType())
                .instanceCount(config.getInstanceCount())
                .volumeSizeInGb(config.getVolumeSizeInGb())
                .volumeKmsKeyId(config.getVolumeKmsKeyId())
                .maxRuntime(config.getMaxRuntime(), RuntimeUnit.parse(config.getMaxRuntimeUnit()))
                .useSpotInstances(config.isUseSpotInstances())
                .checkpointS3Uri(config.getCheckpointS3Uri())
                .checkpointLocalPath(config.getCheckpointLocalPath())
                .subnets(config.getSubnets())
                .securityGroupIds(config.getSecurityGroupIds())
                .enableNetworkIsolation(config.getEnableNetworkIsolation())
                .enableInterContainerTrafficEncryption(config.isEnableInterContainerTrafficEncryption())
                .outputPath(config.getOutputPath())
                .outputKmsKeyId(config.getOutputKmsKeyId());

        // maxWait 0 is the form's "not set"; a positive value without spot is left for the validator to reject.
        if (config.getMaxWait() != 0) {
            spec.maxWait(config.getMaxWait(), WireValue.parse(RuntimeUnit.class, "maxWaitUnit", config.getMaxWaitUnit()));
        }
        for (MetricDefinitionConfig metric : config.getMetricDefinitions()) {
            spec.metricDefinition(metric.getName(), metric.getRegex());
        }
        for (EnvironmentVariableConfig variable : config.getEnvironment()) {
            spec.environmentVariable(variable.getName(), variable.getValue());
        }
        for (HyperparameterConfig hyperparameter : config.getHyperparameters()) {
            spec.hyperparameter(hyperparameter.getName(), hyperparameter.getValue());
        }
        int index = 0;
        for (ChannelConfig channel : config.getChannels()) {
            spec.channel(toChannel(channel, "channels[" + index + "]."));
            index++;
        }
        for (TagConfig tag : config.getTags()) {
            spec.tag(tag.getKey(), tag.getValue());
        }
        return spec.build();
    }

    private static ChannelSpec toChannel(ChannelConfig channel, String path) {
        ChannelSpec.Builder spec = ChannelSpec.builder()
                .name(channel.getName())
                .s3Uri(channel.getS3Uri())
                .localPath(channel.getLocalPath())
                .contentType(channel.getContentType())
                .compressionType(WireValue.parse(CompressionType.class, path + "compressionType",
                        channel.getCompressionType()))
                .recordWrapperType(WireValue.parse(RecordWrapperType.class, path + "recordWrapperType",
                        channel.getRecordWrapperType()))
                .s3DataType(WireValue.parse(S3DataType.class, path + "s3DataType", channel.getS3DataType()))
                .s3DataDistributionType(WireValue.parse(S3DataDistributionType.class, path + "s3DataDistributionType",
                        channel.getS3DataDistributionType()));
        if (channel.getInputMode() != null) {
            spec.inputMode(WireValue.parse(TrainingInputMode.class, path + "inputMode", channel.getInputMode()));
        }
        return spec.build();
    }
}
