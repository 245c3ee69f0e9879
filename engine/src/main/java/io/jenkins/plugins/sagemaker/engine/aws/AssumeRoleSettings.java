package io.jenkins.plugins.sagemaker.engine.aws;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Role that the engine assumes with STS before calling SageMaker, S3 and CloudWatch Logs. Immutable;
 * {@link #toString()} hides the external id.
 */
public final class AssumeRoleSettings {

    /** STS accepts session durations from 15 minutes up to the role's maximum (at most 12 hours). */
    public static final Duration MIN_DURATION = Duration.ofMinutes(15);

    public static final Duration DEFAULT_DURATION = Duration.ofHours(1);

    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/.+");

    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{2,1224}");

    private final String roleArn;
    private final String externalId;
    private final String sessionName;
    private final Duration sessionDuration;

    private AssumeRoleSettings(String roleArn, String externalId, String sessionName, Duration sessionDuration) {
        this.roleArn = roleArn;
        this.externalId = externalId;
        this.sessionName = sessionName;
        this.sessionDuration = sessionDuration;
    }

    /**
     * Creates role settings.
     *
     * @param roleArn IAM role ARN, for example {@code arn:aws:iam::123456789012:role/sagemaker-jenkins}
     * @param externalId external id that the role's trust policy requires, or {@code null}
     * @param sessionName any text; cleaned with {@link RoleSessionNames#clean(String)}
     */
    public static AssumeRoleSettings of(String roleArn, String externalId, String sessionName) {
        return of(roleArn, externalId, sessionName, DEFAULT_DURATION);
    }

    /** Creates role settings with a session duration of at least 15 minutes. */
    public static AssumeRoleSettings of(String roleArn, String externalId, String sessionName, Duration sessionDuration) {
        if (roleArn == null || !ROLE_ARN.matcher(roleArn.trim()).matches()) {
            throw new IllegalArgumentException("Role ARN '" + roleArn
                    + "' is invalid; use the form arn:aws:iam::123456789012:role/NAME.");
        }
        String cleanedExternalId = externalId == null || externalId.isBlank() ? null : externalId.trim();
        if (cleanedExternalId != null && !EXTERNAL_ID.matcher(cleanedExternalId).matches()) {
            throw new IllegalArgumentException("External id is invalid; use 2 to 1224 characters from letters, digits and +=,.@:/-.");
        }
        Objects.requireNonNull(sessionDuration, "sessionDuration");
        if (sessionDuration.compareTo(MIN_DURATION) < 0) {
            throw new IllegalArgumentException("Role session duration " + sessionDuration
                    + " is too short; STS requires at least 15 minutes.");
        }
        return new AssumeRoleSettings(roleArn.trim(), cleanedExternalId, RoleSessionNames.clean(sessionName), sessionDuration);
    }

    public String roleArn() {
        return roleArn;
    }

    /** The external id, or {@code null} when the role does not require one. */
    public String externalId() {
        return externalId;
    }

    /** The session name, already valid for STS. */
    public String sessionName() {
        return sessionName;
    }

    public Duration sessionDuration() {
        return sessionDuration;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof AssumeRoleSettings)) {
            return false;
        }
        AssumeRoleSettings that = (AssumeRoleSettings) other;
        return roleArn.equals(that.roleArn)
                && Objects.equals(externalId, that.externalId)
                && sessionName.equals(that.sessionName)
                && sessionDuration.equals(that.sessionDuration);
    }

    @Override
    public int hashCode() {
        return Objects.hash(roleArn, externalId, sessionName, sessionDuration);
    }

    @Override
    public String toString() {
        return "AssumeRoleSettings{roleArn=" + roleArn
                + (externalId == null ? "" : ", externalId=****")
                + ", sessionName=" + sessionName + ", sessionDuration=" + sessionDuration + "}";
    }
}
