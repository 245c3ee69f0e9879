package io.jenkins.plugins.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class JobPlanTest {

    @Test
    void defaultsMatchSageMakerLikeTimeline() {
        JobPlan plan = JobPlan.defaults();

        assertThat(plan.starting()).isEqualTo(Duration.ofSeconds(60));
        assertThat(plan.downloading()).isEqualTo(Duration.ofSeconds(30));
        assertThat(plan.training()).isEqualTo(Duration.ofSeconds(120));
        assertThat(plan.uploading()).isEqualTo(Duration.ofSeconds(20));
        assertThat(plan.stopping()).isEqualTo(Duration.ofSeconds(10));
        assertThat(plan.failurePhase()).isEmpty();
        assertThat(plan.logLines(1)).isEmpty();
        assertThat(plan.logStreamDelay(1)).isEmpty();
    }

    @Test
    void failureTracebackEndsWithReason() {
        JobPlan plan = JobPlan.builder().failIn("Training", "AlgorithmError: out of memory").build();

        assertThat(plan.failureLogLines()).first().isEqualTo("Traceback (most recent call last):");
        assertThat(plan.failureLogLines()).last().isEqualTo("AlgorithmError: out of memory");
    }

    @Test
    void invalidSettingsAreRejected() {
        assertThatThrownBy(() -> JobPlan.builder().failIn("Completed", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Starting");
        assertThatThrownBy(() -> JobPlan.builder().logLines(0, List.of("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobPlan.builder().training(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> JobPlan.builder().logStreamDelay(2, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void algorithmDefinitionNeedsTrainingImage() {
        assertThatThrownBy(() -> AlgorithmDefinition.builder().name("a").trainingSpecificationJson("{}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("TrainingImage");
        assertThatThrownBy(() -> AlgorithmDefinition.builder().name("a").trainingSpecificationJson("[1"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AlgorithmDefinition.builder().name("bad_name")).isInstanceOf(IllegalArgumentException.class);
    }
}
