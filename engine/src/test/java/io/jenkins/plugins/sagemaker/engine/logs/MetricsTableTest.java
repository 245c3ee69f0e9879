package io.jenkins.plugins.sagemaker.engine.logs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.MetricData;

class MetricsTableTest {

    private static MetricData metric(String name, Float value, Instant time) {
        return MetricData.builder().metricName(name).value(value).timestamp(time).build();
    }

    @Test
    void tableHasAlignedColumns() {
        List<MetricData> metrics = List.of(
                metric("train:loss", 0.25f, Instant.parse("2026-12-04T10:15:30.250Z")),
                metric("validation:accuracy", 0.9125f, Instant.parse("2026-12-04T10:16:00Z")));

        List<String> lines = MetricsTable.formatLines(metrics);

        assertThat(lines).containsExactly(
                "Metric                Value  Time",
                "train:loss             0.25  2026-12-04T10:15:30Z",
                "validation:accuracy  0.9125  2026-12-04T10:16:00Z");
    }

    @Test
    void formatJoinsLinesWithoutFinalBreak() {
        List<MetricData> metrics = List.of(metric("loss", 1f, Instant.parse("2026-12-04T10:00:00Z")));

        assertThat(MetricsTable.format(metrics))
                .isEqualTo("Metric  Value  Time\nloss        1  2026-12-04T10:00:00Z");
    }

    @Test
    void largeAndSpecialValuesHaveNoExponent() {
        List<MetricData> metrics = List.of(
                metric("samples", 1.0e7f, null),
                metric("tiny", 1.5e-5f, null),
                metric("broken", Float.NaN, null),
                metric(null, null, null));

        List<String> lines = MetricsTable.formatLines(metrics);

        assertThat(lines).containsExactly(
                "Metric      Value  Time",
                "samples  10000000  -",
                "tiny     0.000015  -",
                "broken        NaN  -",
                "-               -  -");
    }

    @Test
    void controlCharactersInNameBecomeSpaces() {
        List<String> lines = MetricsTable.formatLines(List.of(metric("a\nb", 2f, null)));

        assertThat(lines.get(1)).startsWith("a b ");
    }

    @Test
    void noMetricsIsEmpty() {
        assertThat(MetricsTable.format(List.of())).isEmpty();
        assertThat(MetricsTable.formatLines(null)).isEmpty();
    }
}
