package io.jenkins.plugins.sagemaker.config;

import hudson.util.ComboBoxModel;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.sagemaker.engine.spec.WireValue;
import java.util.List;
import software.amazon.awssdk.regions.Region;

/** Fixed choices of the form's drop-down lists and combo boxes. */
public final class FormChoices {

    /**
     * Common training instance types, offered as suggestions only: the combo box accepts any
     * {@code ml.*} type that the account may use. Source: the SageMaker pricing page's training
     * instance list, a subset.
     */
    private static final List<String> INSTANCE_TYPES = List.of(
            "ml.m5.large", "ml.m5.xlarge", "ml.m5.2xlarge", "ml.m5.4xlarge", "ml.m5.12xlarge", "ml.m5.24xlarge",
            "ml.m6i.xlarge", "ml.m6i.2xlarge", "ml.m6i.4xlarge",
            "ml.c5.xlarge", "ml.c5.2xlarge", "ml.c5.4xlarge", "ml.c5.9xlarge", "ml.c5.18xlarge",
            "ml.r5.xlarge", "ml.r5.2xlarge", "ml.r5.4xlarge",
            "ml.g4dn.xlarge", "ml.g4dn.2xlarge", "ml.g4dn.12xlarge",
            "ml.g5.xlarge", "ml.g5.2xlarge", "ml.g5.12xlarge", "ml.g5.48xlarge",
            "ml.p3.2xlarge", "ml.p3.8xlarge", "ml.p3.16xlarge",
            "ml.p4d.24xlarge", "ml.p5.48xlarge", "ml.trn1.2xlarge", "ml.trn1.32xlarge");

    private FormChoices() {
    }

    /** Returns the wire values of an engine enum; {@code withEmpty} adds an empty first entry meaning "not set". */
    public static <E extends Enum<E> & WireValue> ListBoxModel wireValues(Class<E> type, boolean withEmpty) {
        ListBoxModel model = new ListBoxModel();
        if (withEmpty) {
            model.add("(job default)", "");
        }
        for (E constant : type.getEnumConstants()) {
            model.add(constant.wireValue());
        }
        return model;
    }

    /** Returns the region ids listed by the bundled AWS SDK, sorted, without the global pseudo-regions. */
    public static ComboBoxModel regions() {
        ComboBoxModel model = new ComboBoxModel();
        Region.regions().stream()
                .filter(region -> !region.isGlobalRegion())
                .map(Region::id)
                .sorted()
                .forEach(model::add);
        return model;
    }

    public static ComboBoxModel instanceTypes() {
        return new ComboBoxModel(INSTANCE_TYPES);
    }
}
