package io.jenkins.plugins.sagemaker.engine.algorithm;

import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;

/** The user's choice for a job's network isolation: on, off, or not set. */
public enum NetworkIsolation {
    /** Not set: the engine decides, and turns it on for AWS Marketplace algorithms. */
    UNSET,
    ENABLED,
    DISABLED;

    /** Maps a setting that may be absent: null is {@link #UNSET}. */
    public static NetworkIsolation of(Boolean enabled) {
        if (enabled == null) {
            return UNSET;
        }
        return enabled ? ENABLED : DISABLED;
    }

    /** Returns the choice that {@code spec} records: unset, on or off. */
    public static NetworkIsolation fromSpec(TrainingJobSpec spec) {
        return of(spec.getEnableNetworkIsolation());
    }
}
