package io.jenkins.plugins.sagemaker.engine.validation;

import java.util.Locale;

/** Builds {@link ValidationProblem}s whose messages share one sentence shape. */
final class Problems {

    /** Values longer than this are shortened in messages. */
    static final int MAX_DISPLAYED_LENGTH = 100;
    private static final int DISPLAYED_PREFIX_LENGTH = 80;

    private Problems() {
    }

    /** {@code <field> "<value>" is invalid: <fix> (<limit>).} */
    static ValidationProblem invalid(String field, String value, String fix, String limit) {
        String displayed = shorten(value);
        return new ValidationProblem(field, displayed, limit,
                field + " " + quote(displayed) + " is invalid: " + fix + " (" + limit + ").");
    }

    /** {@code <field> <amount> is invalid: <fix> (<limit>).}, for numbers and durations. */
    static ValidationProblem invalidAmount(String field, Object amount, String fix, String limit) {
        String displayed = String.valueOf(amount);
        return new ValidationProblem(field, displayed, limit,
                field + " " + displayed + " is invalid: " + fix + " (" + limit + ").");
    }

    /** {@code <field> is missing: <fix> (<limit>).} */
    static ValidationProblem missing(String field, String fix, String limit) {
        return new ValidationProblem(field, null, limit, field + " is missing: " + fix + " (" + limit + ").");
    }

    /** {@code <field> has <count> entries: <fix> (<limit>).} */
    static ValidationProblem tooMany(String field, int count, String fix, String limit) {
        return new ValidationProblem(field, count + " entries", limit,
                field + " has " + count + " entries: " + fix + " (" + limit + ").");
    }

    /** Builds a problem whose sentence does not fit the shapes above. */
    static ValidationProblem other(String field, String value, String limit, String message) {
        return new ValidationProblem(field, value == null ? null : shorten(value), limit, message);
    }

    /**
     * Returns {@code value} with line breaks and tabs escaped, cut to its first 80 characters plus
     * its length when it is longer than {@value #MAX_DISPLAYED_LENGTH} characters.
     */
    static String shorten(String value) {
        if (value == null) {
            return null;
        }
        String escaped = value.replace("\r", "\\r").replace("\n", "\\n").replace("\t", "\\t");
        if (value.length() <= MAX_DISPLAYED_LENGTH) {
            return escaped;
        }
        return escaped.substring(0, DISPLAYED_PREFIX_LENGTH) + "... (" + value.length() + " characters)";
    }

    static String quote(String value) {
        return "\"" + value + "\"";
    }

    /** Formats {@code 2419200} as {@code 2,419,200}. */
    static String number(long value) {
        return String.format(Locale.ROOT, "%,d", value);
    }
}
