package io.jenkins.plugins.sagemaker.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sagemaker.engine.spec.CompressionType;
import io.jenkins.plugins.sagemaker.engine.spec.RecordWrapperType;
import io.jenkins.plugins.sagemaker.engine.spec.S3DataDistributionType;
import io.jenkins.plugins.sagemaker.engine.spec.S3DataType;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingInputMode;
import io.jenkins.plugins.sagemaker.engine.spec.WireValue;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One input channel of the training job. The enumerated fields hold SageMaker's spelling
 * ({@code Gzip}, {@code ShardedByS3Key}); an empty {@code inputMode} means the job's
 * {@code trainingInputMode}.
 */
public final class ChannelConfig extends AbstractDescribableImpl<ChannelConfig> {

    private final String name;
    private final String s3Uri;
    private String localPath;
    private String contentType;
    private String compressionType;
    private String recordWrapperType;
    private String s3DataType;
    private String s3DataDistributionType;
    private String inputMode;

    @DataBoundConstructor
    public ChannelConfig(String name, String s3Uri) {
        this.name = Util.fixEmptyAndTrim(name);
        this.s3Uri = Util.fixEmptyAndTrim(s3Uri);
    }

    public String getName() {
        return name;
    }

    public String getS3Uri() {
        return s3Uri;
    }

    /** Returns the workspace file or folder uploaded as this channel's data, or null; s3Uri is then its destination. */
    public String getLocalPath() {
        return localPath;
    }

    @DataBoundSetter
    public void setLocalPath(String localPath) {
        this.localPath = Util.fixEmptyAndTrim(localPath);
    }

    public String getContentType() {
        return contentType;
    }

    @DataBoundSetter
    public void setContentType(String contentType) {
        this.contentType = Util.fixEmptyAndTrim(contentType);
    }

    public String getCompressionType() {
        return compressionType == null ? CompressionType.NONE.wireValue() : compressionType;
    }

    @DataBoundSetter
    public void setCompressionType(String compressionType) {
        this.compressionType = WireValue.canonical(CompressionType.class, compressionType);
    }

    public String getRecordWrapperType() {
        return recordWrapperType == null ? RecordWrapperType.NONE.wireValue() : recordWrapperType;
    }

    @DataBoundSetter
    public void setRecordWrapperType(String recordWrapperType) {
        this.recordWrapperType = WireValue.canonical(RecordWrapperType.class, recordWrapperType);
    }

    public String getS3DataType() {
        return s3DataType == null ? S3DataType.S3_PREFIX.wireValue() : s3DataType;
    }

    @DataBoundSetter
    public void setS3DataType(String s3DataType) {
        this.s3DataType = WireValue.canonical(S3DataType.class, s3DataType);
    }

    public String getS3DataDistributionType() {
        return s3DataDistributionType == null
                ? S3DataDistributionType.FULLY_REPLICATED.wireValue()
                : s3DataDistributionType;
    }

    @DataBoundSetter
    public void setS3DataDistributionType(String s3DataDistributionType) {
        this.s3DataDistributionType = WireValue.canonical(S3DataDistributionType.class, s3DataDistributionType);
    }

    public String getInputMode() {
        return inputMode;
    }

    @DataBoundSetter
    public void setInputMode(String inputMode) {
        this.inputMode = WireValue.canonical(TrainingInputMode.class, inputMode);
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<ChannelConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Input channel";
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.required("channels[].name", value, FormChecks::channelName);
        }

        @POST
        public FormValidation doCheckS3Uri(@AncestorInPath Item item, @QueryParameter String value,
                @QueryParameter String localPath) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            if (Util.fixEmptyAndTrim(localPath) != null && Util.fixEmptyAndTrim(value) == null) {
                // A workspace channel may leave its destination to the default prefix under the output path.
                return FormValidation.ok();
            }
            return FormChecks.required("channels[].s3Uri", value, FormChecks::s3Uri);
        }

        @POST
        public ListBoxModel doFillCompressionTypeItems(@AncestorInPath Item item) {
            if (!FormPermissions.canConfigure(item)) {
                return new ListBoxModel();
            }
            return FormChoices.wireValues(CompressionType.class, false);
        }

        @POST
        public ListBoxModel doFillRecordWrapperTypeItems(@AncestorInPath Item item) {
            if (!FormPermissions.canConfigure(item)) {
                return new ListBoxModel();
            }
            return FormChoices.wireValues(RecordWrapperType.class, false);
        }

        @POST
        public ListBoxModel doFillS3DataTypeItems(@AncestorInPath Item item) {
            if (!FormPermissions.canConfigure(item)) {
                return new ListBoxModel();
            }
            return FormChoices.wireValues(S3DataType.class, false);
        }

        @POST
        public ListBoxModel doFillS3DataDistributionTypeItems(@AncestorInPath Item item) {
            if (!FormPermissions.canConfigure(item)) {
                return new ListBoxModel();
            }
            return FormChoices.wireValues(S3DataDistributionType.class, false);
        }

        @POST
        public ListBoxModel doFillInputModeItems(@AncestorInPath Item item) {
            if (!FormPermissions.canConfigure(item)) {
                return new ListBoxModel();
            }
            return FormChoices.wireValues(TrainingInputMode.class, true);
        }
    }
}
