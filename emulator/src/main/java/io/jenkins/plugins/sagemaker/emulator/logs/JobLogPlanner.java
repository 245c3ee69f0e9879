package io.jenkins.plugins.sagemaker.emulator.logs;

import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the log that the emulated algorithm produces: one stream per instance, named as SageMaker names
 * them ({@code <job>/algo-<N>-<epoch seconds>}), with event times taken from the job's planned timeline.
 */
public final class JobLogPlanner {

    /** Training loss per epoch in the default log; the last value is the one metric extraction reports. */
    private static final double[] DEFAULT_LOSSES = {0.7, 0.45, 0.25};

    private JobLogPlanner() {
    }

    /**
     * Plans the streams of a job.
     *
     * @param downloadingStart when Downloading starts, which is the TrainingStartTime and the creation time of undelayed streams
     * @param trainingStart when the Training secondary status starts
     * @param trainingEnd when the Training secondary status ends as planned
     */
    public static List<LogStream> plan(String jobName, JobPlan plan, int instanceCount, List<String> channelNames,
            Instant downloadingStart, Instant trainingStart, Instant trainingEnd) {
        List<LogStream> streams = new ArrayList<>();
        for (int instance = 1; instance <= instanceCount; instance++) {
            String host = "algo-" + instance;
            Duration delay = plan.logStreamDelay(instance).orElse(null);
            Instant creation = delay == null ? downloadingStart : trainingStart.plus(delay);
            Instant linesFrom = delay == null ? trainingStart : creation;
            Instant linesUntil = linesFrom.isBefore(trainingEnd) ? trainingEnd : linesFrom.plusSeconds(1);

            List<LogEvent> events = new ArrayList<>();
            List<String> custom = plan.logLines(instance).orElse(null);
            if (custom != null) {
                spread(custom, linesFrom, linesUntil, events);
            } else {
                if (delay == null) {
                    long downloadingMiddle = downloadingStart.toEpochMilli() + (trainingStart.toEpochMilli() - downloadingStart.toEpochMilli()) / 2;
                    events.add(new LogEvent(downloadingMiddle, "Downloading input data for channels " + channelNames + " on " + host));
                }
                spread(defaultTrainingLines(host, instanceCount), linesFrom, linesUntil, events);
            }
            if (instance == 1 && plan.failurePhase().filter("Training"::equals).isPresent()) {
                // The traceback comes last, just before the failure at the planned end of Training.
                long last = events.isEmpty() ? creation.toEpochMilli() : events.get(events.size() - 1).timestamp();
                long at = Math.max(last, trainingEnd.toEpochMilli() - 1);
                for (String line : plan.failureLogLines()) {
                    events.add(new LogEvent(at, line));
                }
            }
            String name = jobName + "/" + host + "-" + creation.getEpochSecond();
            streams.add(new LogStream(name, creation.toEpochMilli(), events));
        }
        return streams;
    }

    private static List<String> defaultTrainingLines(String host, int instanceCount) {
        List<String> lines = new ArrayList<>();
        lines.add("Invoking training on " + host + " of " + instanceCount + " host(s), SM_CURRENT_HOST=" + host);
        for (int epoch = 1; epoch <= DEFAULT_LOSSES.length; epoch++) {
            lines.add("#quality_metric: host=" + host + ", epoch=" + epoch + ", train:loss <loss>=" + DEFAULT_LOSSES[epoch - 1]);
        }
        lines.add("Training finished on " + host + ", saving the model to /opt/ml/model");
        return lines;
    }

    /** Spreads lines evenly over [from, until): line i of n gets from + (until - from) × (i + 1) / (n + 1). */
    private static void spread(List<String> lines, Instant from, Instant until, List<LogEvent> events) {
        long start = from.toEpochMilli();
        long span = until.toEpochMilli() - start;
        int count = lines.size();
        for (int i = 0; i < count; i++) {
            long offset = (long) ((double) span * (i + 1) / (count + 1));
            events.add(new LogEvent(start + offset, lines.get(i)));
        }
    }
}
