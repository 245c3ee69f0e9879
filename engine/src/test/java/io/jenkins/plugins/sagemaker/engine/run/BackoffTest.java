package io.jenkins.plugins.sagemaker.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration MIN = Duration.ofSeconds(5);
    private static final Duration MAX = Duration.ofSeconds(60);

    @Test
    void pollIntervalGrowsWhileUnchanged() {
        List<Duration> intervals = new ArrayList<>();
        Duration interval = MIN;
        for (int i = 0; i < 8; i++) {
            interval = Backoff.nextPollInterval(interval, false, 1.5, MIN, MAX);
            intervals.add(interval);
        }

        assertThat(intervals).containsExactly(
                Duration.ofMillis(7500),
                Duration.ofMillis(11250),
                Duration.ofMillis(16875),
                Duration.ofMillis(25313),
                Duration.ofMillis(37970),
                Duration.ofMillis(56955),
                MAX,
                MAX);
    }

    @Test
    void pollIntervalResetsAfterChange() {
        Duration grown = Backoff.nextPollInterval(Duration.ofSeconds(40), false, 1.5, MIN, MAX);

        Duration afterChange = Backoff.nextPollInterval(grown, true, 1.5, MIN, MAX);

        assertThat(grown).isEqualTo(MAX);
        assertThat(afterChange).isEqualTo(MIN);
    }

    @Test
    void factorOneKeepsInterval() {
        assertThat(Backoff.nextPollInterval(MIN, false, 1.0, MIN, MAX)).isEqualTo(MIN);
    }

    @Test
    void retryDelayDoublesWithinJitterBounds() {
        Duration base = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(30);

        assertThat(Backoff.retryDelay(1, base, max, () -> 0.0)).isEqualTo(Duration.ofMillis(500));
        assertThat(Backoff.retryDelay(1, base, max, () -> 0.999)).isEqualTo(Duration.ofMillis(999));
        assertThat(Backoff.retryDelay(3, base, max, () -> 0.0)).isEqualTo(Duration.ofSeconds(2));
        assertThat(Backoff.retryDelay(3, base, max, () -> 0.999)).isEqualTo(Duration.ofMillis(3998));
    }

    @Test
    void retryDelayIsCappedForLongStreaks() {
        Duration base = Duration.ofSeconds(1);
        Duration max = Duration.ofSeconds(30);

        assertThat(Backoff.retryDelay(200, base, max, () -> 0.0)).isEqualTo(Duration.ofSeconds(15));
        assertThat(Backoff.retryDelay(200, base, max, () -> 0.999)).isLessThanOrEqualTo(max);
    }
}
