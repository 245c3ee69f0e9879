package io.jenkins.plugins.sagemaker.pipeline;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.sagemaker.config.ChannelConfig;
import io.jenkins.plugins.sagemaker.config.EnvironmentVariableConfig;
import io.jenkins.plugins.sagemaker.config.HyperparameterConfig;
import io.jenkins.plugins.sagemaker.config.MetricDefinitionConfig;
import io.jenkins.plugins.sagemaker.config.TagConfig;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import java.util.List;
import java.util.Set;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * Pipeline step {@code sagemakerTrain(...)}: trains one SageMaker job without holding an executor or
 * a thread while the job runs, and returns a map with the job's name, ARN, status, model artifacts,
 * final metrics and billable seconds. Its arguments are the properties of {@link TrainingJobConfig};
 * every accessor below delegates there, so the step and the freestyle step accept the same names.
 */
public final class SageMakerTrainStep extends Step {

    private final TrainingJobConfig config = new TrainingJobConfig();

    @DataBoundConstructor
    public SageMakerTrainStep() {
        // Every argument is a setter, as in TrainingJobConfig.
    }

    /** Returns the shared configuration that the accessors below read and write. */
    public TrainingJobConfig toConfig() {
        return config;
    }

    @Override
    public StepExecution start(StepContext context) {
        return new TrainingStepExecution(this, context);
    }

    public String getJobName() {
        return config.getJobName();
    }

    @DataBoundSetter
    public void setJobName(String jobName) {
        config.setJobName(jobName);
    }

    public String getBaseJobName() {
        return config.getBaseJobName();
    }

    @DataBoundSetter
    public void setBaseJobName(String baseJobName) {
        config.setBaseJobName(baseJobName);
    }

    public String getAlgorithm() {
        return config.getAlgorithm();
    }

    @DataBoundSetter
    public void setAlgorithm(String algorithm) {
        config.setAlgorithm(algorithm);
    }

    public String getTrainingImage() {
        return config.getTrainingImage();
    }

    @DataBoundSetter
    public void setTrainingImage(String trainingImage) {
        config.setTrainingImage(trainingImage);
    }

    public String getTrainingInputMode() {
        return config.getTrainingInputMode();
    }

    @DataBoundSetter
    public void setTrainingInputMode(String trainingInputMode) {
        config.setTrainingInputMode(trainingInputMode);
    }

    public List<MetricDefinitionConfig> getMetricDefinitions() {
        return config.getMetricDefinitions();
    }

    @DataBoundSetter
    public void setMetricDefinitions(List<MetricDefinitionConfig> metricDefinitions) {
        config.setMetricDefinitions(metricDefinitions);
    }

    public String getRoleArn() {
        return config.getRoleArn();
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        config.setRoleArn(roleArn);
    }

    public String getInstanceType() {
        return config.getInstanceType();
    }

    @DataBoundSetter
    public void setInstanceType(String instanceType) {
        config.setInstanceType(instanceType);
    }

    public int getInstanceCount() {
        return config.getInstanceCount();
    }

    @DataBoundSetter
    public void setInstanceCount(int instanceCount) {
        config.setInstanceCount(instanceCount);
    }

    public int getVolumeSizeInGb() {
        return config.getVolumeSizeInGb();
    }

    @DataBoundSetter
    public void setVolumeSizeInGb(int volumeSizeInGb) {
        config.setVolumeSizeInGb(volumeSizeInGb);
    }

    public String getVolumeKmsKeyId() {
        return config.getVolumeKmsKeyId();
    }

    @DataBoundSetter
    public void setVolumeKmsKeyId(String volumeKmsKeyId) {
        config.setVolumeKmsKeyId(volumeKmsKeyId);
    }

    public long getMaxRuntime() {
        return config.getMaxRuntime();
    }

    @DataBoundSetter
    public void setMaxRuntime(long maxRuntime) {
        config.setMaxRuntime(maxRuntime);
    }

    public String getMaxRuntimeUnit() {
        return config.getMaxRuntimeUnit();
    }

    @DataBoundSetter
    public void setMaxRuntimeUnit(String maxRuntimeUnit) {
        config.setMaxRuntimeUnit(maxRuntimeUnit);
    }

    public boolean isUseSpotInstances() {
        return config.isUseSpotInstances();
    }

    @DataBoundSetter
    public void setUseSpotInstances(boolean useSpotInstances) {
        config.setUseSpotInstances(useSpotInstances);
    }

    public long getMaxWait() {
        return config.getMaxWait();
    }

    @DataBoundSetter
    public void setMaxWait(long maxWait) {
        config.setMaxWait(maxWait);
    }

    public String getMaxWaitUnit() {
        return config.getMaxWaitUnit();
    }

    @DataBoundSetter
    public void setMaxWaitUnit(String maxWaitUnit) {
        config.setMaxWaitUnit(maxWaitUnit);
    }

    public String getCheckpointS3Uri() {
        return config.getCheckpointS3Uri();
    }

    @DataBoundSetter
    public void setCheckpointS3Uri(String checkpointS3Uri) {
        config.setCheckpointS3Uri(checkpointS3Uri);
    }

    public String getCheckpointLocalPath() {
        return config.getCheckpointLocalPath();
    }

    @DataBoundSetter
    public void setCheckpointLocalPath(String checkpointLocalPath) {
        config.setCheckpointLocalPath(checkpointLocalPath);
    }

    public List<String> getSubnets() {
        return config.getSubnets();
    }

    @DataBoundSetter
    public void setSubnets(List<String> subnets) {
        config.setSubnets(subnets);
    }

    public List<String> getSecurityGroupIds() {
        return config.getSecurityGroupIds();
    }

    @DataBoundSetter
    public void setSecurityGroupIds(List<String> securityGroupIds) {
        config.setSecurityGroupIds(securityGroupIds);
    }

    public Boolean getEnableNetworkIsolation() {
        return config.getEnableNetworkIsolation();
    }

    @DataBoundSetter
    public void setEnableNetworkIsolation(Boolean enableNetworkIsolation) {
        config.setEnableNetworkIsolation(enableNetworkIsolation);
    }

    public boolean isEnableInterContainerTrafficEncryption() {
        return config.isEnableInterContainerTrafficEncryption();
    }

    @DataBoundSetter
    public void setEnableInterContainerTrafficEncryption(boolean enableInterContainerTrafficEncryption) {
        config.setEnableInterContainerTrafficEncryption(enableInterContainerTrafficEncryption);
    }

    public List<EnvironmentVariableConfig> getEnvironment() {
        return config.getEnvironment();
    }

    @DataBoundSetter
    public void setEnvironment(List<EnvironmentVariableConfig> environment) {
        config.setEnvironment(environment);
    }

    public List<HyperparameterConfig> getHyperparameters() {
        return config.getHyperparameters();
    }

    @DataBoundSetter
    public void setHyperparameters(List<HyperparameterConfig> hyperparameters) {
        config.setHyperparameters(hyperparameters);
    }

    public List<ChannelConfig> getChannels() {
        return config.getChannels();
    }

    @DataBoundSetter
    public void setChannels(List<ChannelConfig> channels) {
        config.setChannels(channels);
    }

    public String getOutputPath() {
        return config.getOutputPath();
    }

    @DataBoundSetter
    public void setOutputPath(String outputPath) {
        config.setOutputPath(outputPath);
    }

    public String getOutputKmsKeyId() {
        return config.getOutputKmsKeyId();
    }

    @DataBoundSetter
    public void setOutputKmsKeyId(String outputKmsKeyId) {
        config.setOutputKmsKeyId(outputKmsKeyId);
    }

    public String getModelDownloadPath() {
        return config.getModelDownloadPath();
    }

    @DataBoundSetter
    public void setModelDownloadPath(String modelDownloadPath) {
        config.setModelDownloadPath(modelDownloadPath);
    }

    public boolean isDownloadOutputData() {
        return config.isDownloadOutputData();
    }

    @DataBoundSetter
    public void setDownloadOutputData(boolean downloadOutputData) {
        config.setDownloadOutputData(downloadOutputData);
    }

    public List<TagConfig> getTags() {
        return config.getTags();
    }

    @DataBoundSetter
    public void setTags(List<TagConfig> tags) {
        config.setTags(tags);
    }

    public String getRegion() {
        return config.getRegion();
    }

    @DataBoundSetter
    public void setRegion(String region) {
        config.setRegion(region);
    }

    public String getCredentialsId() {
        return config.getCredentialsId();
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        config.setCredentialsId(credentialsId);
    }

    public String getEndpointUrl() {
        return config.getEndpointUrl();
    }

    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        config.setEndpointUrl(endpointUrl);
    }

    public String getLogsEndpointUrl() {
        return config.getLogsEndpointUrl();
    }

    @DataBoundSetter
    public void setLogsEndpointUrl(String logsEndpointUrl) {
        config.setLogsEndpointUrl(logsEndpointUrl);
    }

    public String getS3EndpointUrl() {
        return config.getS3EndpointUrl();
    }

    @DataBoundSetter
    public void setS3EndpointUrl(String s3EndpointUrl) {
        config.setS3EndpointUrl(s3EndpointUrl);
    }

    public String getStsEndpointUrl() {
        return config.getStsEndpointUrl();
    }

    @DataBoundSetter
    public void setStsEndpointUrl(String stsEndpointUrl) {
        config.setStsEndpointUrl(stsEndpointUrl);
    }

    public String getAssumeRoleArn() {
        return config.getAssumeRoleArn();
    }

    @DataBoundSetter
    public void setAssumeRoleArn(String assumeRoleArn) {
        config.setAssumeRoleArn(assumeRoleArn);
    }

    public String getAssumeRoleExternalId() {
        return config.getAssumeRoleExternalId();
    }

    @DataBoundSetter
    public void setAssumeRoleExternalId(String assumeRoleExternalId) {
        config.setAssumeRoleExternalId(assumeRoleExternalId);
    }

    public String getAssumeRoleSessionName() {
        return config.getAssumeRoleSessionName();
    }

    @DataBoundSetter
    public void setAssumeRoleSessionName(String assumeRoleSessionName) {
        config.setAssumeRoleSessionName(assumeRoleSessionName);
    }

    public boolean isDryRun() {
        return config.isDryRun();
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        config.setDryRun(dryRun);
    }

    public int getPollIntervalSeconds() {
        return config.getPollIntervalSeconds();
    }

    @DataBoundSetter
    public void setPollIntervalSeconds(int pollIntervalSeconds) {
        config.setPollIntervalSeconds(pollIntervalSeconds);
    }

    public int getMaxPollIntervalSeconds() {
        return config.getMaxPollIntervalSeconds();
    }

    @DataBoundSetter
    public void setMaxPollIntervalSeconds(int maxPollIntervalSeconds) {
        config.setMaxPollIntervalSeconds(maxPollIntervalSeconds);
    }

    public String getResultWhenStopped() {
        return config.getResultWhenStopped();
    }

    @DataBoundSetter
    public void setResultWhenStopped(String resultWhenStopped) {
        config.setResultWhenStopped(resultWhenStopped);
    }

    @Extension
    @Symbol("sagemakerTrain")
    public static final class DescriptorImpl extends StepDescriptor {

        @Override
        public String getFunctionName() {
            return "sagemakerTrain";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return "Train a model with Amazon SageMaker";
        }

        /**
         * Lists no {@code FilePath}, so S3-only runs need no node and wait without an executor. A run that
         * uploads a workspace path or downloads the model asks the context for the workspace and fails
         * with a clear message outside {@code node}.
         */
        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class);
        }

        @Override
        public Step newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            return super.newInstance(req, TrainingJobConfig.fromForm(formData));
        }

        /**
         * Returns the descriptor that serves the shared form's validation, lists and help, so config.jelly
         * can render {@code TrainingJobConfig/config.jelly} for this step.
         */
        public TrainingJobConfig.DescriptorImpl getConfigDescriptor() {
            return Jenkins.get().getDescriptorByType(TrainingJobConfig.DescriptorImpl.class);
        }
    }
}
