package io.jenkins.plugins.sagemaker.engine.spec;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * An enum constant with SageMaker's exact spelling of its value, such as {@code FastFile}.
 */
public interface WireValue {

    /** Returns the value as the SageMaker API spells it. */
    String wireValue();

    /**
     * Parses {@code text} into a constant of {@code type}, ignoring case, surrounding whitespace and
     * underscores, so {@code fastfile}, {@code FastFile} and {@code FAST_FILE} all match.
     *
     * @param field the argument name used in the error message, such as {@code compressionType}
     * @throws IllegalArgumentException if {@code text} is blank or matches no constant, with a message
     *     that names the field, the value and the allowed values
     */
    static <E extends Enum<E> & WireValue> E parse(Class<E> type, String field, String text) {
        String normalizedText = text == null ? "" : normalize(text);
        for (E constant : type.getEnumConstants()) {
            if (!normalizedText.isEmpty() && normalize(constant.wireValue()).equals(normalizedText)) {
                return constant;
            }
        }
        throw new IllegalArgumentException(field + " \"" + (text == null ? "" : text)
                + "\" is invalid: use one of " + allowedValues(type) + ".");
    }

    /**
     * Returns the wire value that {@code text} names, such as {@code Gzip} for {@code gzip}, matched as
     * {@link #parse} matches. Other text is returned trimmed, so validation can report it, and blank text
     * as null.
     */
    static <E extends Enum<E> & WireValue> String canonical(Class<E> type, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String normalizedText = normalize(text);
        for (E constant : type.getEnumConstants()) {
            if (normalize(constant.wireValue()).equals(normalizedText)) {
                return constant.wireValue();
            }
        }
        return text.trim();
    }

    /** Returns the wire values of {@code type} joined by ", ", such as {@code None, Gzip}. */
    static <E extends Enum<E> & WireValue> String allowedValues(Class<E> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(WireValue::wireValue)
                .collect(Collectors.joining(", "));
    }

    private static String normalize(String text) {
        return text.trim().replace("_", "").toLowerCase(Locale.ROOT);
    }
}
