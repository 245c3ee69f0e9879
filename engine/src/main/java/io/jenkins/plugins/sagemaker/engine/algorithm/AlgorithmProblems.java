package io.jenkins.plugins.sagemaker.engine.algorithm;

import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import java.util.Collection;

/** Builds the {@link ValidationProblem}s of the algorithm check, so their sentences share one shape. */
final class AlgorithmProblems {

    private AlgorithmProblems() {
    }

    /**
     * {@code <field> "<value>" is not supported by algorithm <algorithm>[ for channel <channel>]: use one
     * of <allowed>.}
     *
     * @param channel the declared channel the value belongs to, or null for a job-level value
     */
    static ValidationProblem unsupported(String field, String value, String algorithm, String channel,
            Collection<String> allowed) {
        String forChannel = channel == null ? "" : " for channel " + channel;
        String limit = "one of " + join(allowed);
        return new ValidationProblem(field, value, limit,
                field + " " + quote(value) + " is not supported by algorithm " + algorithm + forChannel
                        + ": use " + limit + ".");
    }

    /** {@code <field> "<value>" is <condition> for algorithm <algorithm>: use <expected>.} */
    static ValidationProblem invalidValue(String field, String value, String condition, String algorithm,
            String expected) {
        return new ValidationProblem(field, value, expected,
                field + " " + quote(value) + " is " + condition + " for algorithm " + algorithm + ": use " + expected + ".");
    }

    /** {@code <field> is missing: <fix> (<limit>).} */
    static ValidationProblem missing(String field, String fix, String limit) {
        return new ValidationProblem(field, null, limit, field + " is missing: " + fix + " (" + limit + ").");
    }

    /** Builds a problem whose sentence does not fit the shapes above. */
    static ValidationProblem other(String field, String value, String limit, String message) {
        return new ValidationProblem(field, value, limit, message);
    }

    static String join(Collection<String> values) {
        return String.join(", ", values);
    }

    static String quote(String value) {
        return "\"" + value + "\"";
    }
}
