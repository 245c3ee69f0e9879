package io.jenkins.plugins.sagemaker.engine.logs;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.model.MetricData;

/**
 * Formats the final metrics of a training job, {@code FinalMetricDataList} of DescribeTrainingJob,
 * as a plain-text table with the columns name, value and time.
 *
 * <p>Names are left-aligned, values right-aligned, times in UTC to the second (ISO-8601). Values
 * keep the shortest decimal form of the float that SageMaker returns, without an exponent. Metrics
 * keep the order of the list.
 */
public final class MetricsTable {

    private static final String[] HEADER = {"Metric", "Value", "Time"};
    private static final String NONE = "-";

    private MetricsTable() {}

    /**
     * Returns the table as lines joined by {@code \n}, with no final line break, or an empty string
     * for an empty or null list.
     */
    public static String format(List<MetricData> metrics) {
        return String.join("\n", formatLines(metrics));
    }

    /** Returns the lines of the table: a header, then one line per metric; none for no metrics. */
    public static List<String> formatLines(List<MetricData> metrics) {
        List<String> lines = new ArrayList<>();
        if (metrics == null || metrics.isEmpty()) {
            return lines;
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (MetricData metric : metrics) {
            rows.add(new String[] {name(metric.metricName()), value(metric.value()),
                time(metric.timestamp())});
        }

        int nameWidth = 0;
        int valueWidth = 0;
        for (String[] row : rows) {
            nameWidth = Math.max(nameWidth, row[0].length());
            valueWidth = Math.max(valueWidth, row[1].length());
        }
        for (String[] row : rows) {
            String line = pad(row[0], nameWidth, false) + "  " + pad(row[1], valueWidth, true)
                    + "  " + row[2];
            lines.add(line);
        }
        return lines;
    }

    private static String name(String name) {
        if (name == null) {
            return NONE;
        }
        // A name is one table cell, so control characters such as line breaks become spaces.
        StringBuilder clean = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            clean.append(Character.isISOControl(c) ? ' ' : c);
        }
        return clean.toString();
    }

    private static String value(Float value) {
        if (value == null) {
            return NONE;
        }
        if (value.isNaN() || value.isInfinite()) {
            return value.toString();
        }
        return new BigDecimal(Float.toString(value)).stripTrailingZeros().toPlainString();
    }

    private static String time(Instant timestamp) {
        return timestamp == null ? NONE : timestamp.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static String pad(String text, int width, boolean right) {
        if (text.length() >= width) {
            return text;
        }
        String spaces = " ".repeat(width - text.length());
        return right ? spaces + text : text + spaces;
    }
}
