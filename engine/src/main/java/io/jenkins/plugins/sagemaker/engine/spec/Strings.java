package io.jenkins.plugins.sagemaker.engine.spec;

final class Strings {

    private Strings() {
    }

    /** Returns {@code text} without surrounding whitespace, or null when that leaves nothing. */
    static String trimToNull(String text) {
        if (text == null) {
            return null;
        }
        String trimmed = text.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }
}
