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

/** One environment variable of the training container; the value is kept exactly as entered. */
public final class EnvironmentVariableConfig extends AbstractDescribableImpl<EnvironmentVariableConfig> {

    private final String name;
    private final String value;

    @DataBoundConstructor
    public EnvironmentVariableConfig(String name, String value) {
        this.name = name;
        this.value = value == null ? "" : value;
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<EnvironmentVariableConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Environment variable";
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FormChecks.environmentName(value));
        }

        @POST
        public FormValidation doCheckValue(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FormChecks.environmentValue(value));
        }
    }
}
