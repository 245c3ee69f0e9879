package io.jenkins.plugins.sagemaker.config;

import hudson.model.Result;

/**
 * Build result for a job that ended Stopped although this build did not ask for it, for example after
 * MaxRuntimeExceeded or a stop from the AWS console. An abort of the build itself always gives ABORTED.
 */
public enum StoppedJobResult {
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

    /** Parses the {@code resultWhenStopped} argument, ignoring case. */
    public static StoppedJobResult parse(String text) {
        for (StoppedJobResult value : values()) {
            if (value.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return value;
            }
        }
        throw new IllegalArgumentException("resultWhenStopped \"" + text
                + "\" is invalid: use one of FAILURE, UNSTABLE, ABORTED.");
    }
}
