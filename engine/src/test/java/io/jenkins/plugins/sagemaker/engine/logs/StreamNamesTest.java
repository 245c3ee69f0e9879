package io.jenkins.plugins.sagemaker.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamNamesTest {

    @Test
    void hostDropsJobAndEpoch() {
        assertThat(StreamNames.host("nightly-42", "nightly-42/algo-2-1700000000")).isEqualTo("algo-2");
    }

    @Test
    void hostWithoutEpochIsKept() {
        assertThat(StreamNames.host("nightly-42", "nightly-42/custom")).isEqualTo("custom");
    }

    @Test
    void prefixEndsWithSlash() {
        assertThat(StreamNames.prefix("nightly-42")).isEqualTo("nightly-42/");
    }
}
