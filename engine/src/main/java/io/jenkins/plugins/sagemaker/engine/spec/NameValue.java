package io.jenkins.plugins.sagemaker.engine.spec;

import java.io.Serializable;
import java.util.Objects;

/**
 * A name and a value kept exactly as entered: a hyperparameter or a container environment variable.
 * Neither is trimmed. A null value means that none was given.
 */
public final class NameValue implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String value;

    public NameValue(String name, String value) {
        this.name = name;
        this.value = value;
    }

    public static NameValue of(String name, String value) {
        return new NameValue(name, value);
    }

    public String getName() {
        return name;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NameValue that
                && Objects.equals(name, that.name)
                && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, value);
    }

    @Override
    public String toString() {
        return name + "=" + value;
    }
}
