package io.jenkins.plugins.sagemaker.engine.description;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RunOptionsTest {

    @Test
    void validIntervalsHaveNoProblem() {
        assertThat(RunOptions.pollIntervalProblems(1, 1)).isEmpty();
        assertThat(RunOptions.pollIntervalProblems(5, 60)).isEmpty();
    }

    @Test
    void intervalBelowOneSecondIsNamed() {
        assertThat(RunOptions.pollIntervalProblems(0, 60))
                .containsExactly("pollIntervalSeconds 0 is invalid: use at least 1 second.");
    }

    @Test
    void maximumBelowFirstIntervalIsNamed() {
        assertThat(RunOptions.pollIntervalProblems(30, 10))
                .containsExactly("maxPollIntervalSeconds 10 is invalid: use at least pollIntervalSeconds (30).");
    }
}
