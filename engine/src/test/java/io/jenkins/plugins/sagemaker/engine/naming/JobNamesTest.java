package io.jenkins.plugins.sagemaker.engine.naming;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JobNamesTest {

    private static final Instant NOW = Instant.parse("2026-03-07T02:00:00Z");

    @Test
    void deriveJoinsBaseTimeStampAndBuildId() {
        assertThat(JobNames.derive("nightly-retrain", NOW, "42")).isEqualTo("nightly-retrain-20260307-020000-42");
    }

    @Test
    void deriveCleansBase() {
        assertThat(JobNames.derive("ML Team/nightly_retrain.v2", NOW, "7"))
                .isEqualTo("ML-Team-nightly-retrain-v2-20260307-020000-7");
    }

    @Test
    void deriveCleansBuildId() {
        assertThat(JobNames.derive("train", NOW, "#12 (main)")).isEqualTo("train-20260307-020000-12-main");
    }

    @Test
    void deriveUsesUtc() {
        Instant lateEvening = Instant.parse("2026-03-06T23:59:59-05:00");

        assertThat(JobNames.derive("train", lateEvening, "1")).isEqualTo("train-20260307-045959-1");
    }

    @Test
    void sameTimeOnDifferentDaysDiffers() {
        String first = JobNames.derive("train", Instant.parse("2026-03-07T02:00:00Z"), "5");
        String second = JobNames.derive("train", Instant.parse("2026-03-08T02:00:00Z"), "5");

        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void sameSecondWithDifferentBuildIdsDiffers() {
        assertThat(JobNames.derive("train", NOW, "17")).isNotEqualTo(JobNames.derive("train", NOW, "18"));
    }

    @Test
    void blankBuildIdGetsRandomSuffix() {
        String name = JobNames.derive("train", NOW, " ");

        assertThat(name).matches("train-20260307-020000-[a-z0-9]{6}");
        assertThat(JobNames.isValid(name)).isTrue();
    }

    @Test
    void symbolBuildIdGetsRandomSuffix() {
        assertThat(JobNames.derive("train", NOW, "###")).matches("train-20260307-020000-[a-z0-9]{6}");
    }

    @Test
    void longBaseIsShortenedAndTailKept() {
        String base = "b".repeat(200);

        String name = JobNames.derive(base, NOW, "1234");

        assertThat(name).hasSize(JobNames.MAX_LENGTH);
        assertThat(name).endsWith("-20260307-020000-1234");
        assertThat(name).startsWith("bbbb");
        assertThat(JobNames.isValid(name)).isTrue();
    }

    @Test
    void shortenedBaseLosesTrailingHyphen() {
        // 42 characters fit before the 21-character tail, so the cut falls right after "a...a-".
        String base = "a".repeat(41) + "-" + "z".repeat(40);

        String name = JobNames.derive(base, NOW, "1234");

        assertThat(name).isEqualTo("a".repeat(41) + "-20260307-020000-1234");
        assertThat(JobNames.isValid(name)).isTrue();
    }

    @Test
    void allSymbolBaseLeavesOnlyTail() {
        String name = JobNames.derive("!!! ///", NOW, "9");

        assertThat(name).isEqualTo("20260307-020000-9");
        assertThat(JobNames.isValid(name)).isTrue();
    }

    @Test
    void overlongTailKeepsItsEnd() {
        String buildId = "x".repeat(70) + "end";

        String name = JobNames.derive("train", NOW, buildId);

        assertThat(name).hasSize(JobNames.MAX_LENGTH);
        assertThat(name).endsWith("xend");
        assertThat(JobNames.isValid(name)).isTrue();
    }

    @Test
    void overlongTailCutAtHyphenDropsIt() {
        // The last 63 characters of the tail are "-" and 62 b's.
        String buildId = "a".repeat(5) + "-" + "b".repeat(62);

        String name = JobNames.derive("train", NOW, buildId);

        assertThat(name).isEqualTo("b".repeat(62));
        assertThat(JobNames.isValid(name)).isTrue();
    }

    @Test
    void cleanReplacesRunsAndTrimsHyphens() {
        assertThat(JobNames.clean("--ML Team/nightly_retrain.v2!!")).isEqualTo("ML-Team-nightly-retrain-v2");
        assertThat(JobNames.clean("***")).isEmpty();
        assertThat(JobNames.clean(null)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "a, true",
        "train-1, true",
        "a--b, true",
        "-a, false",
        "a-, false",
        "a_b, false",
        "'a b', false",
        "'', false"
    })
    void isValidFollowsSageMakerPattern(String name, boolean valid) {
        assertThat(JobNames.isValid(name)).isEqualTo(valid);
    }

    @Test
    void isValidLimitsLength() {
        assertThat(JobNames.isValid("a".repeat(63))).isTrue();
        assertThat(JobNames.isValid("a".repeat(64))).isFalse();
        assertThat(JobNames.isValid(null)).isFalse();
    }
}
