package io.jenkins.plugins.sagemaker.engine.naming;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/**
 * Training job names: SageMaker's rule for them, and derivation of a unique name from a base name,
 * a time stamp and a build id.
 */
public final class JobNames {

    /** Maximum length of a training job name in SageMaker. */
    public static final int MAX_LENGTH = 63;

    /** SageMaker's pattern for {@code TrainingJobName}. */
    public static final Pattern PATTERN = Pattern.compile("^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$");

    private static final Pattern NOT_ALPHANUMERIC = Pattern.compile("[^A-Za-z0-9]+");
    private static final DateTimeFormatter TIME_STAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final String RANDOM_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final int RANDOM_SUFFIX_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();

    private JobNames() {
    }

    /** Returns whether {@code name} is a valid SageMaker training job name. */
    public static boolean isValid(String name) {
        return name != null && PATTERN.matcher(name).matches();
    }

    /**
     * Replaces every run of characters outside {@code [A-Za-z0-9]} with one {@code -} and removes
     * leading and trailing {@code -}, so {@code ML Team/nightly_retrain.v2} becomes
     * {@code ML-Team-nightly-retrain-v2}. Returns an empty string for null or all-symbol input.
     */
    public static String clean(String text) {
        if (text == null) {
            return "";
        }
        String dashed = NOT_ALPHANUMERIC.matcher(text).replaceAll("-");
        return stripDashes(dashed);
    }

    /**
     * Derives a unique job name {@code <base>-<yyyyMMdd-HHmmss>-<build id>} with the time stamp in UTC.
     *
     * <p>The base and the build id are {@linkplain #clean cleaned}. A blank build id (or one of only
     * symbols) is replaced by a random suffix of six lowercase letters and digits. When the result is
     * longer than {@value #MAX_LENGTH} characters the base is shortened, never the time stamp and
     * build id, because they make the name unique. When the time stamp and build id alone are too long,
     * their last characters are kept. A base of only symbols is left out, so the name starts with the
     * time stamp.
     */
    public static String derive(String baseJobName, Instant now, String buildId) {
        String cleanedBuildId = clean(buildId);
        if (cleanedBuildId.isEmpty()) {
            cleanedBuildId = randomSuffix();
        }
        String tail = TIME_STAMP.format(now) + "-" + cleanedBuildId;
        if (tail.length() > MAX_LENGTH) {
            return stripDashes(tail.substring(tail.length() - MAX_LENGTH));
        }

        // One character goes to the dash between base and tail.
        int roomForBase = MAX_LENGTH - tail.length() - 1;
        String base = clean(baseJobName);
        if (base.length() > roomForBase) {
            base = stripDashes(base.substring(0, Math.max(roomForBase, 0)));
        }
        return base.isEmpty() ? tail : base + "-" + tail;
    }

    private static String stripDashes(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && text.charAt(start) == '-') {
            start++;
        }
        while (end > start && text.charAt(end - 1) == '-') {
            end--;
        }
        return text.substring(start, end);
    }

    private static String randomSuffix() {
        StringBuilder suffix = new StringBuilder(RANDOM_SUFFIX_LENGTH);
        for (int i = 0; i < RANDOM_SUFFIX_LENGTH; i++) {
            suffix.append(RANDOM_ALPHABET.charAt(RANDOM.nextInt(RANDOM_ALPHABET.length())));
        }
        return suffix.toString();
    }
}
