package io.jenkins.plugins.sagemaker.config;

import hudson.model.Result;
import io.jenkins.plugins.sagemaker.engine.spec.WireValue;

/**
 * Build result for a job that ended Stopped although this build did not ask for it, for example after
 * MaxRuntimeExceeded or a stop from the AWS console. An abort of the build itself always gives ABORTED.
 */
public enum StoppedJobResult implements WireValue {
    FAILURE(Result.FAILURE),
    UNSTABLE(Result.UNSTABLE),
    ABORTED(Result.ABORTED);

    private final Result result;

    StoppedJobResult(Result result) {
        this.result = result;
    }

    public Result result() {
        return result;
    }

    /** Returns the name, which is how the argument and the form spell the value. */
    @Override
    public String wireValue() {
        return name();
    }

    /** Parses the {@code resultWhenStopped} argument, ignoring case, as the engine parses its enumerations. */
    public static StoppedJobResult parse(String text) {
        return WireValue.parse(StoppedJobResult.class, "resultWhenStopped", text);
    }
}
