package io.jenkins.plugins.sagemaker.engine.description;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"model", "target/model", "./model/", "a/../model", "out\\model"})
    void relativeDownloadPathIsValid(String path) {
        assertThat(RunOptions.modelDownloadPathProblems(path)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/tmp/abs", "../up", "model/../../up", "C:\\models", "\\\\server\\share"})
    void downloadPathOutsideWorkspaceIsNamed(String path) {
        assertThat(RunOptions.modelDownloadPathProblems(path)).containsExactly("modelDownloadPath \"" + path
                + "\" is invalid: use a folder inside the workspace, relative to it, such as model.");
    }

    @Test
    void missingDownloadPathIsValid() {
        assertThat(RunOptions.modelDownloadPathProblems(null)).isEmpty();
    }
}
