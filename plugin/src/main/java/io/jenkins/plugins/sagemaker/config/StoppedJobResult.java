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

    /**
     * Returns the constant's name for text that names one in any case, so the form's list shows the
     * stored value. Other text is returned trimmed, so {@link #parse} can report it, and blank text as null.
     */
    public static String canonical(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (StoppedJobResult value : values()) {
            if (value.name().equalsIgnoreCase(text.trim())) {
                return value.name();
            }
        }
        return text.trim();
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
