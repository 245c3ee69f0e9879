package io.jenkins.plugins.sagemaker.engine.spec;

import java.io.Serializable;
import java.util.Objects;

/**
 * A metric that SageMaker extracts from the training log with a regular expression whose first
 * group is the value. Only jobs with a training image take these.
 */
public final class MetricDefinition implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String regex;

    public MetricDefinition(String name, String regex) {
        this.name = name;
        this.regex = regex;
    }

    public static MetricDefinition of(String name, String regex) {
        return new MetricDefinition(name, regex);
    }

    public String getName() {
        return name;
    }

    public String getRegex() {
        return regex;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MetricDefinition that
                && Objects.equals(name, that.name)
                && Objects.equals(regex, that.regex);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, regex);
    }

    @Override
    public String toString() {
        return name + "=" + regex;
    }
}
