package io.jenkins.plugins.sagemaker.engine.aws;

import java.util.regex.Pattern;

/** Cleans role session names for STS AssumeRole, which accepts only {@code [\w+=,.@-]{2,64}}. */
public final class RoleSessionNames {

    /** STS limits a role session name to 64 characters. */
    public static final int MAX_LENGTH = 64;

    /** Used when the cleaned name would be empty. */
    static final String DEFAULT_NAME = "jenkins-sagemaker";

    private static final Pattern INVALID_CHARACTERS = Pattern.compile("[^\\w+=,.@-]+");

    private RoleSessionNames() {
    }

    /**
     * Returns the default session name of one run: the training job name, with {@code -<buildId>} added
     * unless the name ends with it already, as a derived name does. A cut shortens the job name and keeps
     * the build id whole, so two builds of one Jenkins job get different session names in CloudTrail.
     *
     * @param jobName the training job name, at most 63 characters of {@code [a-zA-Z0-9-]}
     * @param buildId the build number, or another id of the run
     */
    public static String forRun(String jobName, String buildId) {
        String name = jobName == null ? "" : jobName;
        String suffix = "-" + (buildId == null ? "" : buildId.trim());
        if (suffix.length() == 1 || name.endsWith(suffix)) {
            return clean(name);
        }
        if (suffix.length() >= MAX_LENGTH) {
            return clean(suffix.substring(suffix.length() - MAX_LENGTH + 1));
        }
        int room = MAX_LENGTH - suffix.length();
        return clean((name.length() > room ? name.substring(0, room) : name) + suffix);
    }

    /**
     * Replaces each run of characters that STS rejects with a single '-', cuts the name to 64
     * characters and pads a one-character name, so any Jenkins job name can serve as session name.
     */
    public static String clean(String name) {
        if (name == null) {
            return DEFAULT_NAME;
        }
        String cleaned = INVALID_CHARACTERS.matcher(name.trim()).replaceAll("-");
        if (cleaned.length() > MAX_LENGTH) {
            cleaned = cleaned.substring(0, MAX_LENGTH);
        }
        if (cleaned.isEmpty() || cleaned.chars().allMatch(c -> c == '-')) {
            return DEFAULT_NAME;
        }
        if (cleaned.length() < 2) {
            return cleaned + "-session";
        }
        return cleaned;
    }
}
