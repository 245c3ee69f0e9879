package io.jenkins.plugins.sagemaker.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;

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
}
