package io.jenkins.plugins.sagemaker.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sagemaker.engine.naming.JobNames;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RoleSessionNamesTest {

    private static final String STS_PATTERN = "[\\w+=,.@-]{2,64}";

    @Test
    void validNameIsKept() {
        assertThat(RoleSessionNames.clean("jenkins-build_42@team.example")).isEqualTo("jenkins-build_42@team.example");
    }

    @Test
    void invalidCharactersBecomeOneDash() {
        String cleaned = RoleSessionNames.clean("folder/my job #42 (nightly)");

        assertThat(cleaned).isEqualTo("folder-my-job-42-nightly-");
        assertThat(cleaned).matches(STS_PATTERN);
    }

    @Test
    void longNameIsCutTo64() {
        String cleaned = RoleSessionNames.clean("a".repeat(100));

        assertThat(cleaned).hasSize(64);
        assertThat(cleaned).matches(STS_PATTERN);
    }

    @Test
    void oneCharacterIsPadded() {
        String cleaned = RoleSessionNames.clean("x");

        assertThat(cleaned).isEqualTo("x-session");
        assertThat(cleaned).matches(STS_PATTERN);
    }

    @Test
    void emptyOrNullGetsDefault() {
        assertThat(RoleSessionNames.clean(null)).isEqualTo(RoleSessionNames.DEFAULT_NAME);
        assertThat(RoleSessionNames.clean("")).isEqualTo(RoleSessionNames.DEFAULT_NAME);
        assertThat(RoleSessionNames.clean("///")).isEqualTo(RoleSessionNames.DEFAULT_NAME);
    }

    @Test
    void nonAsciiLettersAreReplaced() {
        String cleaned = RoleSessionNames.clean("débogage-ümlaut");

        assertThat(cleaned).isEqualTo("d-bogage--mlaut");
        assertThat(cleaned).matches(STS_PATTERN);
    }

    @Test
    void derivedJobNameIsSessionName() {
        String jobName = JobNames.derive("nightly-" + "x".repeat(60), Instant.parse("2026-12-04T23:00:00Z"), "1234");

        String session = RoleSessionNames.forRun(jobName, "1234");

        assertThat(session).isEqualTo(jobName).endsWith("-1234");
        assertThat(session).matches(STS_PATTERN);
    }

    @Test
    void explicitJobNameGetsBuildNumber() {
        assertThat(RoleSessionNames.forRun("fraud-model", "42")).isEqualTo("fraud-model-42");
    }

    @Test
    void longJobNameKeepsBuildNumber() {
        String session = RoleSessionNames.forRun("m".repeat(63), "123456");

        assertThat(session).hasSize(64).endsWith("m-123456");
        assertThat(session).matches(STS_PATTERN);
    }

    @Test
    void missingBuildIdKeepsJobName() {
        assertThat(RoleSessionNames.forRun("fraud-model", " ")).isEqualTo("fraud-model");
        assertThat(RoleSessionNames.forRun(null, null)).isEqualTo(RoleSessionNames.DEFAULT_NAME);
    }
}
