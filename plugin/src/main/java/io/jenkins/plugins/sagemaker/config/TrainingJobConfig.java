package io.jenkins.plugins.sagemaker.config;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sagemaker.connection.AlgorithmLister;
import io.jenkins.plugins.sagemaker.connection.AwsCredentialsLookup;
import io.jenkins.plugins.sagemaker.engine.spec.RuntimeUnit;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingInputMode;
import io.jenkins.plugins.sagemaker.engine.spec.WireValue;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import net.sf.json.JSONArray;
import net.sf.json.JSONObject;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * Every argument of one training run: the job specification, the AWS connection and the behaviour
 * options. The freestyle build step keeps one as a nested property and the {@code sagemakerTrain}
 * Pipeline step delegates its flat arguments to one, so both front ends bind the same names and
 * render the same form ({@code TrainingJobConfig/config.jelly}).
 */
public final class TrainingJobConfig extends AbstractDescribableImpl<TrainingJobConfig> {

    private static final Logger LOGGER = Logger.getLogger(TrainingJobConfig.class.getName());

    // Text fields hold null when not set and their getters return the documented default, so the
    // Snippet Generator leaves defaults out of generated Pipeline code.
    private String jobName;
    private String baseJobName;
    private String algorithm;
    private String trainingImage;
    private String trainingInputMode;
    private List<MetricDefinitionConfig> metricDefinitions = new ArrayList<>();
    private String roleArn;
    private String instanceType;
    private int instanceCount = 1;
    private int volumeSizeInGb = 30;
    private String volumeKmsKeyId;
    private long maxRuntime = 1;
    private String maxRuntimeUnit;
    private boolean useSpotInstances = false;
    private long maxWait = 0;
    private String maxWaitUnit;
    private String checkpointS3Uri;
    private String checkpointLocalPath;
    private List<String> subnets = new ArrayList<>();
    private List<String> securityGroupIds = new ArrayList<>();
    /** Null when not set, so the engine may turn isolation on for an AWS Marketplace algorithm. */
    private Boolean enableNetworkIsolation;
    private boolean enableInterContainerTrafficEncryption = false;
    private List<EnvironmentVariableConfig> environment = new ArrayList<>();
    private List<HyperparameterConfig> hyperparameters = new ArrayList<>();
    private List<ChannelConfig> channels = new ArrayList<>();
    private String outputPath;
    private String outputKmsKeyId;
    private String modelDownloadPath;
    private boolean downloadOutputData;
    private List<TagConfig> tags = new ArrayList<>();
    private String region;
    private String credentialsId;
    private String endpointUrl;
    private String logsEndpointUrl;
    private String s3EndpointUrl;
    private String stsEndpointUrl;
    private String assumeRoleArn;
    private String assumeRoleExternalId;
    private String assumeRoleSessionName;
    private boolean dryRun = false;
    private int pollIntervalSeconds = 5;
    private int maxPollIntervalSeconds = 60;
    private String resultWhenStopped;

    /** Creates a configuration with every argument at its default. */
    @DataBoundConstructor
    public TrainingJobConfig() {
        // Every argument is optional at binding time; SpecValidator reports what a run still needs.
    }

    public String getJobName() {
        return jobName;
    }

    @DataBoundSetter
    public void setJobName(String jobName) {
        this.jobName = Util.fixEmptyAndTrim(jobName);
    }

    public String getBaseJobName() {
        return baseJobName;
    }

    @DataBoundSetter
    public void setBaseJobName(String baseJobName) {
        this.baseJobName = Util.fixEmptyAndTrim(baseJobName);
    }

    public String getAlgorithm() {
        return algorithm;
    }

    @DataBoundSetter
    public void setAlgorithm(String algorithm) {
        this.algorithm = Util.fixEmptyAndTrim(algorithm);
    }

    public String getTrainingImage() {
        return trainingImage;
    }

    @DataBoundSetter
    public void setTrainingImage(String trainingImage) {
        this.trainingImage = Util.fixEmptyAndTrim(trainingImage);
    }

    public String getTrainingInputMode() {
        return trainingInputMode == null ? "File" : trainingInputMode;
    }

    @DataBoundSetter
    public void setTrainingInputMode(String trainingInputMode) {
        this.trainingInputMode = WireValue.canonical(TrainingInputMode.class, trainingInputMode);
    }

    public List<MetricDefinitionConfig> getMetricDefinitions() {
        return Collections.unmodifiableList(Util.fixNull(metricDefinitions));
    }

    @DataBoundSetter
    public void setMetricDefinitions(List<MetricDefinitionConfig> metricDefinitions) {
        this.metricDefinitions = metricDefinitions == null ? new ArrayList<>() : new ArrayList<>(metricDefinitions);
    }

    public String getRoleArn() {
        return roleArn;
    }

    @DataBoundSetter
    public void setRoleArn(String roleArn) {
        this.roleArn = Util.fixEmptyAndTrim(roleArn);
    }

    public String getInstanceType() {
        return instanceType;
    }

    @DataBoundSetter
    public void setInstanceType(String instanceType) {
        this.instanceType = Util.fixEmptyAndTrim(instanceType);
    }

    public int getInstanceCount() {
        return instanceCount;
    }

    @DataBoundSetter
    public void setInstanceCount(int instanceCount) {
        this.instanceCount = instanceCount;
    }

    public int getVolumeSizeInGb() {
        return volumeSizeInGb;
    }

    @DataBoundSetter
    public void setVolumeSizeInGb(int volumeSizeInGb) {
        this.volumeSizeInGb = volumeSizeInGb;
    }

    public String getVolumeKmsKeyId() {
        return volumeKmsKeyId;
    }

    @DataBoundSetter
    public void setVolumeKmsKeyId(String volumeKmsKeyId) {
        this.volumeKmsKeyId = Util.fixEmptyAndTrim(volumeKmsKeyId);
    }

    public long getMaxRuntime() {
        return maxRuntime;
    }

    @DataBoundSetter
    public void setMaxRuntime(long maxRuntime) {
        this.maxRuntime = maxRuntime;
    }

    public String getMaxRuntimeUnit() {
        return maxRuntimeUnit == null ? "DAYS" : maxRuntimeUnit;
    }

    @DataBoundSetter
    public void setMaxRuntimeUnit(String maxRuntimeUnit) {
        this.maxRuntimeUnit = WireValue.canonical(RuntimeUnit.class, maxRuntimeUnit);
    }

    public boolean isUseSpotInstances() {
        return useSpotInstances;
    }

    @DataBoundSetter
    public void setUseSpotInstances(boolean useSpotInstances) {
        this.useSpotInstances = useSpotInstances;
    }

    public long getMaxWait() {
        return maxWait;
    }

    @DataBoundSetter
    public void setMaxWait(long maxWait) {
        this.maxWait = maxWait;
    }

    public String getMaxWaitUnit() {
        return maxWaitUnit == null ? "HOURS" : maxWaitUnit;
    }

    @DataBoundSetter
    public void setMaxWaitUnit(String maxWaitUnit) {
        this.maxWaitUnit = WireValue.canonical(RuntimeUnit.class, maxWaitUnit);
    }

    public String getCheckpointS3Uri() {
        return checkpointS3Uri;
    }

    @DataBoundSetter
    public void setCheckpointS3Uri(String checkpointS3Uri) {
        this.checkpointS3Uri = Util.fixEmptyAndTrim(checkpointS3Uri);
    }

    public String getCheckpointLocalPath() {
        return checkpointLocalPath;
    }

    @DataBoundSetter
    public void setCheckpointLocalPath(String checkpointLocalPath) {
        this.checkpointLocalPath = Util.fixEmptyAndTrim(checkpointLocalPath);
    }

    public List<String> getSubnets() {
        return Collections.unmodifiableList(Util.fixNull(subnets));
    }

    @DataBoundSetter
    public void setSubnets(List<String> subnets) {
        this.subnets = cleanStrings(subnets);
    }

    public List<String> getSecurityGroupIds() {
        return Collections.unmodifiableList(Util.fixNull(securityGroupIds));
    }

    @DataBoundSetter
    public void setSecurityGroupIds(List<String> securityGroupIds) {
        this.securityGroupIds = cleanStrings(securityGroupIds);
    }

    public Boolean getEnableNetworkIsolation() {
        return enableNetworkIsolation;
    }

    @DataBoundSetter
    public void setEnableNetworkIsolation(Boolean enableNetworkIsolation) {
        this.enableNetworkIsolation = enableNetworkIsolation;
    }

    public boolean isEnableInterContainerTrafficEncryption() {
        return enableInterContainerTrafficEncryption;
    }

    @DataBoundSetter
    public void setEnableInterContainerTrafficEncryption(boolean enableInterContainerTrafficEncryption) {
        this.enableInterContainerTrafficEncryption = enableInterContainerTrafficEncryption;
    }

    public List<EnvironmentVariableConfig> getEnvironment() {
        return Collections.unmodifiableList(Util.fixNull(environment));
    }

    @DataBoundSetter
    public void setEnvironment(List<EnvironmentVariableConfig> environment) {
        this.environment = environment == null ? new ArrayList<>() : new ArrayList<>(environment);
    }

    public List<HyperparameterConfig> getHyperparameters() {
        return Collections.unmodifiableList(Util.fixNull(hyperparameters));
    }

    @DataBoundSetter
    public void setHyperparameters(List<HyperparameterConfig> hyperparameters) {
        this.hyperparameters = hyperparameters == null ? new ArrayList<>() : new ArrayList<>(hyperparameters);
    }

    public List<ChannelConfig> getChannels() {
        return Collections.unmodifiableList(Util.fixNull(channels));
    }

    @DataBoundSetter
    public void setChannels(List<ChannelConfig> channels) {
        this.channels = channels == null ? new ArrayList<>() : new ArrayList<>(channels);
    }

    public String getOutputPath() {
        return outputPath;
    }

    @DataBoundSetter
    public void setOutputPath(String outputPath) {
        this.outputPath = Util.fixEmptyAndTrim(outputPath);
    }

    public String getOutputKmsKeyId() {
        return outputKmsKeyId;
    }

    @DataBoundSetter
    public void setOutputKmsKeyId(String outputKmsKeyId) {
        this.outputKmsKeyId = Util.fixEmptyAndTrim(outputKmsKeyId);
    }

    /** Returns the workspace folder that receives model.tar.gz after a completed job, or null. */
    public String getModelDownloadPath() {
        return modelDownloadPath;
    }

    @DataBoundSetter
    public void setModelDownloadPath(String modelDownloadPath) {
        this.modelDownloadPath = Util.fixEmptyAndTrim(modelDownloadPath);
    }

    public boolean isDownloadOutputData() {
        return downloadOutputData;
    }

    @DataBoundSetter
    public void setDownloadOutputData(boolean downloadOutputData) {
        this.downloadOutputData = downloadOutputData;
    }

    /** Returns whether the run reads or writes the workspace: a channel's local path or a model download. */
    public boolean needsWorkspace() {
        return modelDownloadPath != null || getChannels().stream().anyMatch(channel -> channel.getLocalPath() != null);
    }

    public List<TagConfig> getTags() {
        return Collections.unmodifiableList(Util.fixNull(tags));
    }

    @DataBoundSetter
    public void setTags(List<TagConfig> tags) {
        this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags);
    }

    public String getRegion() {
        return region;
    }

    @DataBoundSetter
    public void setRegion(String region) {
        this.region = Util.fixEmptyAndTrim(region);
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getEndpointUrl() {
        return endpointUrl;
    }

    @DataBoundSetter
    public void setEndpointUrl(String endpointUrl) {
        this.endpointUrl = Util.fixEmptyAndTrim(endpointUrl);
    }

    public String getLogsEndpointUrl() {
        return logsEndpointUrl;
    }

    @DataBoundSetter
    public void setLogsEndpointUrl(String logsEndpointUrl) {
        this.logsEndpointUrl = Util.fixEmptyAndTrim(logsEndpointUrl);
    }

    public String getS3EndpointUrl() {
        return s3EndpointUrl;
    }

    @DataBoundSetter
    public void setS3EndpointUrl(String s3EndpointUrl) {
        this.s3EndpointUrl = Util.fixEmptyAndTrim(s3EndpointUrl);
    }

    public String getStsEndpointUrl() {
        return stsEndpointUrl;
    }

    @DataBoundSetter
    public void setStsEndpointUrl(String stsEndpointUrl) {
        this.stsEndpointUrl = Util.fixEmptyAndTrim(stsEndpointUrl);
    }

    public String getAssumeRoleArn() {
        return assumeRoleArn;
    }

    @DataBoundSetter
    public void setAssumeRoleArn(String assumeRoleArn) {
        this.assumeRoleArn = Util.fixEmptyAndTrim(assumeRoleArn);
    }

    public String getAssumeRoleExternalId() {
        return assumeRoleExternalId;
    }

    @DataBoundSetter
    public void setAssumeRoleExternalId(String assumeRoleExternalId) {
        this.assumeRoleExternalId = Util.fixEmptyAndTrim(assumeRoleExternalId);
    }

    public String getAssumeRoleSessionName() {
        return assumeRoleSessionName;
    }

    @DataBoundSetter
    public void setAssumeRoleSessionName(String assumeRoleSessionName) {
        this.assumeRoleSessionName = Util.fixEmptyAndTrim(assumeRoleSessionName);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    public int getPollIntervalSeconds() {
        return pollIntervalSeconds;
    }

    @DataBoundSetter
    public void setPollIntervalSeconds(int pollIntervalSeconds) {
        this.pollIntervalSeconds = pollIntervalSeconds;
    }

    public int getMaxPollIntervalSeconds() {
        return maxPollIntervalSeconds;
    }

    @DataBoundSetter
    public void setMaxPollIntervalSeconds(int maxPollIntervalSeconds) {
        this.maxPollIntervalSeconds = maxPollIntervalSeconds;
    }

    public String getResultWhenStopped() {
        return resultWhenStopped == null ? "FAILURE" : resultWhenStopped;
    }

    @DataBoundSetter
    public void setResultWhenStopped(String resultWhenStopped) {
        this.resultWhenStopped = WireValue.canonical(StoppedJobResult.class, resultWhenStopped);
    }

    private static List<String> cleanStrings(@CheckForNull List<String> values) {
        List<String> cleaned = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                String trimmed = Util.fixEmptyAndTrim(value);
                if (trimmed != null) {
                    cleaned.add(trimmed);
                }
            }
        }
        return cleaned;
    }

    /**
     * Adapts a submitted form of either front end to the setters. Pipeline arguments do not pass here.
     * The one-entry-per-line text areas ({@code subnets}, {@code securityGroupIds}) become the JSON
     * arrays that the list setters bind. An unchecked network isolation box becomes "not set" rather than
     * {@code false}, because only "not set" lets the engine turn isolation on for an AWS Marketplace
     * algorithm. For any other algorithm, "not set" and {@code false} are the same.
     */
    public static JSONObject fromForm(JSONObject formData) {
        for (String field : List.of("subnets", "securityGroupIds")) {
            Object value = formData.opt(field);
            if (value instanceof String text) {
                JSONArray lines = new JSONArray();
                for (String line : text.split("[\\r\\n,]+")) {
                    if (!line.isBlank()) {
                        lines.add(line.trim());
                    }
                }
                formData.put(field, lines);
            }
        }
        Object isolation = formData.opt("enableNetworkIsolation");
        if (Boolean.FALSE.equals(isolation) || "false".equals(isolation)) {
            formData.remove("enableNetworkIsolation");
        }
        return formData;
    }

    /** Form validation, list filling and help for every field; shared by both front ends. */
    @Extension
    public static final class DescriptorImpl extends Descriptor<TrainingJobConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "SageMaker training job";
        }

        @Override
        public TrainingJobConfig newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            return super.newInstance(req, fromForm(formData));
        }

        /** Joins a list for a one-entry-per-line text area; used by config.jelly. */
        public String joinLines(@CheckForNull List<String> values) {
            return values == null ? "" : String.join("\n", values);
        }

        @POST
        public FormValidation doCheckJobName(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String baseJobName) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            if (Util.fixEmptyAndTrim(value) != null && Util.fixEmptyAndTrim(baseJobName) != null) {
                return FormValidation.error("Set either jobName or baseJobName, not both: jobName is used as given "
                        + "and baseJobName gets a time stamp and the build number appended.");
            }
            return FormChecks.optional(value, FormChecks::jobName);
        }

        @POST
        public FormValidation doCheckBaseJobName(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.optional(value, FormChecks::baseJobName);
        }

        @POST
        public FormValidation doCheckAlgorithm(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String trainingImage) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            boolean hasAlgorithm = Util.fixEmptyAndTrim(value) != null;
            boolean hasImage = Util.fixEmptyAndTrim(trainingImage) != null;
            if (hasAlgorithm == hasImage) {
                return FormValidation.error("Set exactly one of algorithm (a name or ARN) and trainingImage (an ECR "
                        + "image URI).");
            }
            return FormChecks.optional(value, FormChecks::algorithm);
        }

        @POST
        public FormValidation doCheckTrainingImage(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.optional(value, FormChecks::trainingImage);
        }

        @POST
        public FormValidation doCheckRoleArn(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.required("roleArn", value, FormChecks::roleArn);
        }

        @POST
        public FormValidation doCheckInstanceType(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.required("instanceType", value, FormChecks::instanceType);
        }

        @POST
        public FormValidation doCheckInstanceCount(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.integer("instanceCount", value, FormChecks::instanceCount);
        }

        @POST
        public FormValidation doCheckVolumeSizeInGb(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.integer("volumeSizeInGb", value, FormChecks::volumeSizeInGb);
        }

        @POST
        public FormValidation doCheckVolumeKmsKeyId(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.optional(value, FormChecks::kmsKeyId);
        }

        @POST
        public FormValidation doCheckMaxRuntime(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String maxRuntimeUnit) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.maxRuntime(value, maxRuntimeUnit);
        }

        @POST
        public FormValidation doCheckMaxWait(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String maxWaitUnit, @QueryParameter boolean useSpotInstances,
                @QueryParameter String maxRuntime, @QueryParameter String maxRuntimeUnit) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.maxWait(value, maxWaitUnit, useSpotInstances, maxRuntime, maxRuntimeUnit);
        }

        @POST
        public FormValidation doCheckCheckpointS3Uri(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.optional(value, FormChecks::s3Uri);
        }

        @POST
        public FormValidation doCheckCheckpointLocalPath(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String checkpointS3Uri) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            if (Util.fixEmptyAndTrim(value) != null && Util.fixEmptyAndTrim(checkpointS3Uri) == null) {
                return FormValidation.error("checkpointLocalPath needs checkpointS3Uri: set the S3 location too, or "
                        + "clear the local path.");
            }
            return FormChecks.optional(value, FormChecks::checkpointLocalPath);
        }

        @POST
        public FormValidation doCheckOutputPath(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.required("outputPath", value, FormChecks::s3Uri);
        }

        @POST
        public FormValidation doCheckOutputKmsKeyId(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.optional(value, FormChecks::kmsKeyId);
        }

        @POST
        public FormValidation doCheckAssumeRoleArn(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.optional(value, FormChecks::roleArn);
        }

        @POST
        public FormValidation doCheckEndpointUrl(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.optional(value, FormChecks::endpointUrl);
        }

        @POST
        public FormValidation doCheckPollIntervalSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.integer("pollIntervalSeconds", value, FormChecks::positiveSeconds);
        }

        @POST
        public FormValidation doCheckMaxPollIntervalSeconds(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String pollIntervalSeconds) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.maxPollInterval(value, pollIntervalSeconds);
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            return AwsCredentialsLookup.fillItems(item, credentialsId);
        }

        @POST
        public FormValidation doCheckCredentialsId(@AncestorInPath Item item, @QueryParameter String value) {
            return AwsCredentialsLookup.check(item, value);
        }

        @POST
        public ComboBoxModel doFillRegionItems(@AncestorInPath Item item) {
            if (!FormPermissions.canConfigure(item)) {
                return new ComboBoxModel();
            }
            return FormChoices.regions();
        }

        @POST
        public ComboBoxModel doFillInstanceTypeItems(@AncestorInPath Item item) {
            if (!FormPermissions.canConfigure(item)) {
                return new ComboBoxModel();
            }
            return FormChoices.instanceTypes();
        }

        @POST
        public ListBoxModel doFillTrainingInputModeItems(@AncestorInPath Item item) {
            if (!FormPermissions.canConfigure(item)) {
                return new ListBoxModel();
            }
            return FormChoices.wireValues(TrainingInputMode.class, false);
        }

        @POST
        public ListBoxModel doFillMaxRuntimeUnitItems(@AncestorInPath Item item) {
            if (!FormPermissions.canConfigure(item)) {
                return new ListBoxModel();
            }
            return FormChoices.wireValues(RuntimeUnit.class, false);
        }

        @POST
        public ListBoxModel doFillMaxWaitUnitItems(@AncestorInPath Item item) {
            if (!FormPermissions.canConfigure(item)) {
                return new ListBoxModel();
            }
            return FormChoices.wireValues(RuntimeUnit.class, false);
        }

        @POST
        public ListBoxModel doFillResultWhenStoppedItems(@AncestorInPath Item item) {
            if (!FormPermissions.canConfigure(item)) {
                return new ListBoxModel();
            }
            return FormChoices.wireValues(StoppedJobResult.class, false);
        }

        /**
         * Lists the account's own algorithms and its AWS Marketplace subscriptions (ListAlgorithms) once
         * credentials and region are chosen. The combo box accepts any name or ARN, so a failed call only
         * leaves the list empty.
         */
        @POST
        public ComboBoxModel doFillAlgorithmItems(@AncestorInPath Item item, @QueryParameter String credentialsId,
                @QueryParameter String region, @QueryParameter String endpointUrl,
                @QueryParameter String assumeRoleArn, @QueryParameter String assumeRoleExternalId,
                @QueryParameter String stsEndpointUrl) {
            if (!FormPermissions.canConfigure(item) || Util.fixEmptyAndTrim(region) == null) {
                return new ComboBoxModel();
            }
            try {
                return new ComboBoxModel(AlgorithmLister.list(item, credentialsId, region, endpointUrl,
                        stsEndpointUrl, assumeRoleArn, assumeRoleExternalId));
            } catch (RuntimeException e) {
                // The SDK reports access and network problems as unchecked exceptions.
                LOGGER.log(Level.FINE, "ListAlgorithms failed for region " + region, e);
                return new ComboBoxModel();
            }
        }
    }
}
