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

/**
 * One hyperparameter. The value is kept exactly as entered, including surrounding spaces and number
 * spellings such as {@code 0.10}, because SageMaker passes it to the algorithm as a string.
 */
public final class HyperparameterConfig extends AbstractDescribableImpl<HyperparameterConfig> {

    private final String name;
    private final String value;

    @DataBoundConstructor
    public HyperparameterConfig(String name, String value) {
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
    public static final class DescriptorImpl extends Descriptor<HyperparameterConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Hyperparameter";
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FormChecks.hyperparameterName(value));
        }

        @POST
        public FormValidation doCheckValue(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FormChecks.hyperparameterValue(value));
        }
    }
}
