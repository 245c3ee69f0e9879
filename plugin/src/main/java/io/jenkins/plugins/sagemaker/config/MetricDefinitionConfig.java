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
 * One metric that SageMaker extracts from the training container's log with a regular expression.
 * Only jobs with a {@code trainingImage} take metric definitions; algorithms bring their own.
 */
public final class MetricDefinitionConfig extends AbstractDescribableImpl<MetricDefinitionConfig> {

    private final String name;
    private final String regex;

    @DataBoundConstructor
    public MetricDefinitionConfig(String name, String regex) {
        this.name = name;
        this.regex = regex;
    }

    public String getName() {
        return name;
    }

    public String getRegex() {
        return regex;
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<MetricDefinitionConfig> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Metric definition";
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FormChecks.metricName(value));
        }

        @POST
        public FormValidation doCheckRegex(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.canConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.toValidation(FormChecks.metricRegex(value));
        }
    }
}
