package io.jenkins.plugins.sagemaker.engine.spec;

import java.io.Serializable;
import java.util.Objects;

/** A tag put on the training job. The value may be empty but not null. */
public final class TagSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final String value;

    public TagSpec(String key, String value) {
        this.key = key;
        this.value = value == null ? "" : value;
    }

    public static TagSpec of(String key, String value) {
        return new TagSpec(key, value);
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TagSpec that
                && Objects.equals(key, that.key)
                && Objects.equals(value, that.value);
    }

    @Override
    public int hashCode() {
        return Objects.hash(key, value);
    }

    @Override
    public String toString() {
        return key + "=" + value;
    }
}
