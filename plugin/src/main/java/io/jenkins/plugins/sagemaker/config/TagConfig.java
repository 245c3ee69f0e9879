package io.jenkins.plugins.sagemaker.config;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.model.AbstractDescribableImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/** One tag of the training job. The engine adds the tag {@code sagemaker-training:run-id} itself. */
public final class TagConfig extends AbstractDescribableImpl<TagConfig> {

    private final String key;
    private final String value;

    @DataBoundConstructor
    public TagConfig(String key, String value) {
        this.key = key;
        this.value = value == null ? "" : value;
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<TagConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Tag";
        }

        @POST
        public FormValidation doCheckKey(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FormChecks.tagKey(value));
        }

        @POST
        public FormValidation doCheckValue(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FormChecks.tagValue(value));
        }
    }
}
