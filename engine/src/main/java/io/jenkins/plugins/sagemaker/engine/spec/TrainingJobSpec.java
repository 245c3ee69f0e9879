package io.jenkins.plugins.sagemaker.engine.spec;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * Everything SageMaker needs to run one training job, as the user entered it: the job name or a base
 * for one, the algorithm or training image, role, resources, stopping condition, network, environment,
 * hyperparameters, input channels, output and tags. Connection settings and run behaviour (dry run,
 * polling) are not part of it.
 *
 * <p>Instances are immutable and serializable, so a Jenkins pipeline step may keep one. The builder
 * trims surrounding whitespace of identifiers and turns blank optional strings into null. It keeps
 * hyperparameter names and values, environment entries, tags and metric definitions exactly as given
 * and in the order given. Nothing is validated here: call
 * {@code io.jenkins.plugins.sagemaker.engine.validation.SpecValidator} for that.
 */
public final class TrainingJobSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Default instance count when none is given. */
    public static final int DEFAULT_INSTANCE_COUNT = 1;
    /** Default ML storage volume size in GB when none is given. */
    public static final int DEFAULT_VOLUME_SIZE_IN_GB = 30;
    /** Default maximum runtime when none is given. */
    public static final TimeAmount DEFAULT_MAX_RUNTIME = TimeAmount.of(1, RuntimeUnit.DAYS);
    /** Default unit of {@code maxRuntime} when only an amount is given. */
    public static final RuntimeUnit DEFAULT_MAX_RUNTIME_UNIT = RuntimeUnit.DAYS;
    /** Default unit of {@code maxWait} when only an amount is given. */
    public static final RuntimeUnit DEFAULT_MAX_WAIT_UNIT = RuntimeUnit.HOURS;

    private final String jobName;
    private final String baseJobName;
    private final String algorithm;
    private final String trainingImage;
    private final TrainingInputMode trainingInputMode;
    private final List<MetricDefinition> metricDefinitions;
    private final String roleArn;
    private final String instanceType;
    private final int instanceCount;
    private final int volumeSizeInGb;
    private final String volumeKmsKeyId;
    private final TimeAmount maxRuntime;
    private final boolean useSpotInstances;
    private final TimeAmount maxWait;
    private final String checkpointS3Uri;
    private final String checkpointLocalPath;
    private final List<String> subnets;
    private final List<String> securityGroupIds;
    private final Boolean enableNetworkIsolation;
    private final boolean enableInterContainerTrafficEncryption;
    private final List<NameValue> environment;
    private final List<NameValue> hyperparameters;
    private final List<ChannelSpec> channels;
    private final String outputPath;
    private final String outputKmsKeyId;
    private final List<TagSpec> tags;

    private TrainingJobSpec(Builder builder) {
        this.jobName = builder.jobName;
        this.baseJobName = builder.baseJobName;
        this.algorithm = builder.algorithm;
        this.trainingImage = builder.trainingImage;
        this.trainingInputMode = builder.trainingInputMode;
        this.metricDefinitions = copy(builder.metricDefinitions);
        this.roleArn = builder.roleArn;
        this.instanceType = builder.instanceType;
        this.instanceCount = builder.instanceCount;
        this.volumeSizeInGb = builder.volumeSizeInGb;
        this.volumeKmsKeyId = builder.volumeKmsKeyId;
        this.maxRuntime = builder.maxRuntime;
        this.useSpotInstances = builder.useSpotInstances;
        this.maxWait = builder.maxWait;
        this.checkpointS3Uri = builder.checkpointS3Uri;
        this.checkpointLocalPath = builder.checkpointLocalPath;
        this.subnets = copy(builder.subnets);
        this.securityGroupIds = copy(builder.securityGroupIds);
        this.enableNetworkIsolation = builder.enableNetworkIsolation;
        this.enableInterContainerTrafficEncryption = builder.enableInterContainerTrafficEncryption;
        this.environment = copy(builder.environment);
        this.hyperparameters = copy(builder.hyperparameters);
        this.channels = copy(builder.channels);
        this.outputPath = builder.outputPath;
        this.outputKmsKeyId = builder.outputKmsKeyId;
        this.tags = copy(builder.tags);
    }

    // An unmodifiable ArrayList rather than List.copyOf, because Jenkins' pipeline persistence
    // (JBoss Marshalling) handles it without a serialization proxy.
    private static <T> List<T> copy(List<T> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Returns the explicit job name, used as given, or null when the name is derived. */
    public String getJobName() {
        return jobName;
    }

    /** Returns the base from which a job name is derived, or null. */
    public String getBaseJobName() {
        return baseJobName;
    }

    /** Returns the algorithm name or ARN (own or AWS Marketplace), or null with a training image. */
    public String getAlgorithm() {
        return algorithm;
    }

    /** Returns the ECR image URI, or null with an algorithm. */
    public String getTrainingImage() {
        return trainingImage;
    }

    public TrainingInputMode getTrainingInputMode() {
        return trainingInputMode;
    }

    public List<MetricDefinition> getMetricDefinitions() {
        return metricDefinitions;
    }

    public String getRoleArn() {
        return roleArn;
    }

    public String getInstanceType() {
        return instanceType;
    }

    public int getInstanceCount() {
        return instanceCount;
    }

    public int getVolumeSizeInGb() {
        return volumeSizeInGb;
    }

    /** Returns the KMS key that encrypts the ML storage volume, or null. */
    public String getVolumeKmsKeyId() {
        return volumeKmsKeyId;
    }

    public TimeAmount getMaxRuntime() {
        return maxRuntime;
    }

    public boolean isUseSpotInstances() {
        return useSpotInstances;
    }

    /** Returns the longest time to wait for spot capacity plus training, or null when not set. */
    public TimeAmount getMaxWait() {
        return maxWait;
    }

    public String getCheckpointS3Uri() {
        return checkpointS3Uri;
    }

    /** Returns the checkpoint directory inside the container, or null for SageMaker's default. */
    public String getCheckpointLocalPath() {
        return checkpointLocalPath;
    }

    public List<String> getSubnets() {
        return subnets;
    }

    public List<String> getSecurityGroupIds() {
        return securityGroupIds;
    }

    /** Returns whether network isolation is on; false also when it is not set. */
    public boolean isEnableNetworkIsolation() {
        return Boolean.TRUE.equals(enableNetworkIsolation);
    }

    /**
     * Returns the network isolation setting as entered: null when not set, so the engine may turn it on
     * for an AWS Marketplace algorithm, which requires it.
     */
    public Boolean getEnableNetworkIsolation() {
        return enableNetworkIsolation;
    }

    public boolean isEnableInterContainerTrafficEncryption() {
        return enableInterContainerTrafficEncryption;
    }

    /** Returns the container environment variables in the order given. */
    public List<NameValue> getEnvironment() {
        return environment;
    }

    /** Returns the hyperparameters in the order given, values exactly as entered. */
    public List<NameValue> getHyperparameters() {
        return hyperparameters;
    }

    public List<ChannelSpec> getChannels() {
        return channels;
    }

    public String getOutputPath() {
        return outputPath;
    }

    /** Returns the KMS key that encrypts the model artifacts, or null. */
    public String getOutputKmsKeyId() {
        return outputKmsKeyId;
    }

    /** Returns the user's tags, without the run-id tag that the engine adds. */
    public List<TagSpec> getTags() {
        return tags;
    }

    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TrainingJobSpec that)) {
            return false;
        }
        return instanceCount == that.instanceCount
                && volumeSizeInGb == that.volumeSizeInGb
                && useSpotInstances == that.useSpotInstances
                && Objects.equals(enableNetworkIsolation, that.enableNetworkIsolation)
                && enableInterContainerTrafficEncryption == that.enableInterContainerTrafficEncryption
                && Objects.equals(jobName, that.jobName)
                && Objects.equals(baseJobName, that.baseJobName)
                && Objects.equals(algorithm, that.algorithm)
                && Objects.equals(trainingImage, that.trainingImage)
                && trainingInputMode == that.trainingInputMode
                && metricDefinitions.equals(that.metricDefinitions)
                && Objects.equals(roleArn, that.roleArn)
                && Objects.equals(instanceType, that.instanceType)
                && Objects.equals(volumeKmsKeyId, that.volumeKmsKeyId)
                && maxRuntime.equals(that.maxRuntime)
                && Objects.equals(maxWait, that.maxWait)
                && Objects.equals(checkpointS3Uri, that.checkpointS3Uri)
                && Objects.equals(checkpointLocalPath, that.checkpointLocalPath)
                && subnets.equals(that.subnets)
                && securityGroupIds.equals(that.securityGroupIds)
                && environment.equals(that.environment)
                && hyperparameters.equals(that.hyperparameters)
                && channels.equals(that.channels)
                && Objects.equals(outputPath, that.outputPath)
                && Objects.equals(outputKmsKeyId, that.outputKmsKeyId)
                && tags.equals(that.tags);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobName, baseJobName, algorithm, trainingImage, trainingInputMode,
                metricDefinitions, roleArn, instanceType, instanceCount, volumeSizeInGb, volumeKmsKeyId,
                maxRuntime, useSpotInstances, maxWait, checkpointS3Uri, checkpointLocalPath, subnets,
                securityGroupIds, enableNetworkIsolation, enableInterContainerTrafficEncryption,
                environment, hyperparameters, channels, outputPath, outputKmsKeyId, tags);
    }

    @Override
    public String toString() {
        return "TrainingJobSpec{jobName=" + jobName + ", baseJobName=" + baseJobName
                + ", algorithm=" + algorithm + ", trainingImage=" + trainingImage
                + ", trainingInputMode=" + trainingInputMode + ", metricDefinitions=" + metricDefinitions
                + ", roleArn=" + roleArn + ", instanceType=" + instanceType
                + ", instanceCount=" + instanceCount + ", volumeSizeInGb=" + volumeSizeInGb
                + ", volumeKmsKeyId=" + volumeKmsKeyId + ", maxRuntime=" + maxRuntime
                + ", useSpotInstances=" + useSpotInstances + ", maxWait=" + maxWait
                + ", checkpointS3Uri=" + checkpointS3Uri + ", checkpointLocalPath=" + checkpointLocalPath
                + ", subnets=" + subnets + ", securityGroupIds=" + securityGroupIds
                + ", enableNetworkIsolation=" + enableNetworkIsolation
                + ", enableInterContainerTrafficEncryption=" + enableInterContainerTrafficEncryption
                + ", environment=" + environment + ", hyperparameters=" + hyperparameters
                + ", channels=" + channels + ", outputPath=" + outputPath
                + ", outputKmsKeyId=" + outputKmsKeyId + ", tags=" + tags + "}";
    }

    /**
     * Builder of {@link TrainingJobSpec}. Setters that take a list replace the list, and the singular
     * ones ({@link #hyperparameter}, {@link #channel}, ...) append. Null list elements are rejected
     * with a {@link NullPointerException}.
     */
    public static final class Builder {

        private String jobName;
        private String baseJobName;
        private String algorithm;
        private String trainingImage;
        private TrainingInputMode trainingInputMode = TrainingInputMode.FILE;
        private final List<MetricDefinition> metricDefinitions = new ArrayList<>();
        private String roleArn;
        private String instanceType;
        private int instanceCount = DEFAULT_INSTANCE_COUNT;
        private int volumeSizeInGb = DEFAULT_VOLUME_SIZE_IN_GB;
        private String volumeKmsKeyId;
        private TimeAmount maxRuntime = DEFAULT_MAX_RUNTIME;
        private boolean useSpotInstances;
        private TimeAmount maxWait;
        private String checkpointS3Uri;
        private String checkpointLocalPath;
        private final List<String> subnets = new ArrayList<>();
        private final List<String> securityGroupIds = new ArrayList<>();
        private Boolean enableNetworkIsolation;
        private boolean enableInterContainerTrafficEncryption;
        private final List<NameValue> environment = new ArrayList<>();
        private final List<NameValue> hyperparameters = new ArrayList<>();
        private final List<ChannelSpec> channels = new ArrayList<>();
        private String outputPath;
        private String outputKmsKeyId;
        private final List<TagSpec> tags = new ArrayList<>();

        private Builder() {
        }

        private Builder(TrainingJobSpec spec) {
            this.jobName = spec.jobName;
            this.baseJobName = spec.baseJobName;
            this.algorithm = spec.algorithm;
            this.trainingImage = spec.trainingImage;
            this.trainingInputMode = spec.trainingInputMode;
            this.metricDefinitions.addAll(spec.metricDefinitions);
            this.roleArn = spec.roleArn;
            this.instanceType = spec.instanceType;
            this.instanceCount = spec.instanceCount;
            this.volumeSizeInGb = spec.volumeSizeInGb;
            this.volumeKmsKeyId = spec.volumeKmsKeyId;
            this.maxRuntime = spec.maxRuntime;
            this.useSpotInstances = spec.useSpotInstances;
            this.maxWait = spec.maxWait;
            this.checkpointS3Uri = spec.checkpointS3Uri;
            this.checkpointLocalPath = spec.checkpointLocalPath;
            this.subnets.addAll(spec.subnets);
            this.securityGroupIds.addAll(spec.securityGroupIds);
            this.enableNetworkIsolation = spec.enableNetworkIsolation;
            this.enableInterContainerTrafficEncryption = spec.enableInterContainerTrafficEncryption;
            this.environment.addAll(spec.environment);
            this.hyperparameters.addAll(spec.hyperparameters);
            this.channels.addAll(spec.channels);
            this.outputPath = spec.outputPath;
            this.outputKmsKeyId = spec.outputKmsKeyId;
            this.tags.addAll(spec.tags);
        }

        public Builder jobName(String jobName) {
            this.jobName = Strings.trimToNull(jobName);
            return this;
        }

        public Builder baseJobName(String baseJobName) {
            this.baseJobName = Strings.trimToNull(baseJobName);
            return this;
        }

        public Builder algorithm(String algorithm) {
            this.algorithm = Strings.trimToNull(algorithm);
            return this;
        }

        public Builder trainingImage(String trainingImage) {
            this.trainingImage = Strings.trimToNull(trainingImage);
            return this;
        }

        /** Sets the job's input mode, or restores the default {@code File} when null. */
        public Builder trainingInputMode(TrainingInputMode trainingInputMode) {
            this.trainingInputMode = trainingInputMode == null ? TrainingInputMode.FILE : trainingInputMode;
            return this;
        }

        public Builder metricDefinitions(Collection<MetricDefinition> metricDefinitions) {
            return replace(this.metricDefinitions, metricDefinitions, "metricDefinitions");
        }

        public Builder metricDefinition(String name, String regex) {
            this.metricDefinitions.add(MetricDefinition.of(name, regex));
            return this;
        }

        public Builder roleArn(String roleArn) {
            this.roleArn = Strings.trimToNull(roleArn);
            return this;
        }

        public Builder instanceType(String instanceType) {
            this.instanceType = Strings.trimToNull(instanceType);
            return this;
        }

        public Builder instanceCount(int instanceCount) {
            this.instanceCount = instanceCount;
            return this;
        }

        public Builder volumeSizeInGb(int volumeSizeInGb) {
            this.volumeSizeInGb = volumeSizeInGb;
            return this;
        }

        public Builder volumeKmsKeyId(String volumeKmsKeyId) {
            this.volumeKmsKeyId = Strings.trimToNull(volumeKmsKeyId);
            return this;
        }

        /** Sets the maximum runtime, or restores the default of one day when null. */
        public Builder maxRuntime(TimeAmount maxRuntime) {
            this.maxRuntime = maxRuntime == null ? DEFAULT_MAX_RUNTIME : maxRuntime;
            return this;
        }

        public Builder maxRuntime(long amount, RuntimeUnit unit) {
            return maxRuntime(TimeAmount.of(amount, unit == null ? DEFAULT_MAX_RUNTIME_UNIT : unit));
        }

        public Builder useSpotInstances(boolean useSpotInstances) {
            this.useSpotInstances = useSpotInstances;
            return this;
        }

        /** Sets the maximum wait for a managed spot job, or clears it when null. */
        public Builder maxWait(TimeAmount maxWait) {
            this.maxWait = maxWait;
            return this;
        }

        public Builder maxWait(long amount, RuntimeUnit unit) {
            return maxWait(TimeAmount.of(amount, unit == null ? DEFAULT_MAX_WAIT_UNIT : unit));
        }

        public Builder checkpointS3Uri(String checkpointS3Uri) {
            this.checkpointS3Uri = Strings.trimToNull(checkpointS3Uri);
            return this;
        }

        public Builder checkpointLocalPath(String checkpointLocalPath) {
            this.checkpointLocalPath = Strings.trimToNull(checkpointLocalPath);
            return this;
        }

        /** Sets the VPC subnet ids, trimmed. Blank entries (empty form rows) are dropped. */
        public Builder subnets(Collection<String> subnets) {
            return replaceIds(this.subnets, subnets);
        }

        /** Sets the VPC security group ids, trimmed. Blank entries (empty form rows) are dropped. */
        public Builder securityGroupIds(Collection<String> securityGroupIds) {
            return replaceIds(this.securityGroupIds, securityGroupIds);
        }

        /** Sets network isolation on or off, or null to leave it unset. */
        public Builder enableNetworkIsolation(Boolean enableNetworkIsolation) {
            this.enableNetworkIsolation = enableNetworkIsolation;
            return this;
        }

        public Builder enableInterContainerTrafficEncryption(boolean enableInterContainerTrafficEncryption) {
            this.enableInterContainerTrafficEncryption = enableInterContainerTrafficEncryption;
            return this;
        }

        public Builder environment(Collection<NameValue> environment) {
            return replace(this.environment, environment, "environment");
        }

        public Builder environmentVariable(String name, String value) {
            this.environment.add(NameValue.of(name, value));
            return this;
        }

        /** Sets the hyperparameters, keeping their order and text exactly. */
        public Builder hyperparameters(Collection<NameValue> hyperparameters) {
            return replace(this.hyperparameters, hyperparameters, "hyperparameters");
        }

        public Builder hyperparameter(String name, String value) {
            this.hyperparameters.add(NameValue.of(name, value));
            return this;
        }

        public Builder channels(Collection<ChannelSpec> channels) {
            return replace(this.channels, channels, "channels");
        }

        public Builder channel(ChannelSpec channel) {
            this.channels.add(Objects.requireNonNull(channel, "channel"));
            return this;
        }

        public Builder outputPath(String outputPath) {
            this.outputPath = Strings.trimToNull(outputPath);
            return this;
        }

        public Builder outputKmsKeyId(String outputKmsKeyId) {
            this.outputKmsKeyId = Strings.trimToNull(outputKmsKeyId);
            return this;
        }

        public Builder tags(Collection<TagSpec> tags) {
            return replace(this.tags, tags, "tags");
        }

        public Builder tag(String key, String value) {
            this.tags.add(TagSpec.of(key, value));
            return this;
        }

        public TrainingJobSpec build() {
            return new TrainingJobSpec(this);
        }

        private <T> Builder replace(List<T> target, Collection<T> source, String field) {
            target.clear();
            if (source != null) {
                for (T element : source) {
                    target.add(Objects.requireNonNull(element, () -> field + " contains a null element"));
                }
            }
            return this;
        }

        private Builder replaceIds(List<String> target, Collection<String> source) {
            target.clear();
            if (source != null) {
                for (String id : source) {
                    String trimmed = Strings.trimToNull(id);
                    if (trimmed != null) {
                        target.add(trimmed);
                    }
                }
            }
            return this;
        }
    }
}
