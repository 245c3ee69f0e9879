package io.jenkins.plugins.sagemaker.engine.run;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Run ids: one random id per training run, stored on the job as tag {@value #TAG_KEY}. Callers keep
 * the id with the build, so a retried or resumed submission recognises the job it created itself.
 */
public final class RunIdentity {

    /** Tag key that carries the run id on every training job the engine creates. */
    public static final String TAG_KEY = "sagemaker-training:run-id";

    /** Characters and length that AWS allows in a tag value. */
    private static final Pattern TAG_VALUE = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]{1,256}");

    private RunIdentity() {
    }

    /** Returns a new run id, a random UUID in its usual 36-character form. */
    public static String newRunId() {
        return UUID.randomUUID().toString();
    }

    /** Returns {@code runId} if it is a valid tag value, or throws naming the value. */
    public static String check(String runId) {
        if (runId == null || !TAG_VALUE.matcher(runId).matches()) {
            throw new IllegalArgumentException("Run id '" + runId + "' is invalid; use 1 to 256 letters, digits, "
                    + "spaces or _.:/=+-@, for example a value from RunIdentity.newRunId().");
        }
        return runId;
    }
}
