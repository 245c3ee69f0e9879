package io.jenkins.plugins.sagemaker.engine.run;

import io.jenkins.plugins.sagemaker.engine.logs.MetricsTable;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;

/**
 * Prints what is new in a DescribeTrainingJob response compared with a {@link FollowState}, and
 * the final summary of a run.
 *
 * <p>Each TrainingJobStatus and each SecondaryStatusTransition is printed once. SageMaker may still
 * change the StatusMessage of the newest transition (Starting goes from "Launching requested ML
 * instances" to "Preparing the instances for training"). When the message of the transition
 * printed last differs from the printed one, that transition is printed again with the new
 * message, so no line is ever printed twice with the same text.
 */
final class StatusPrinter {

    private static final Set<String> ENDED = Set.of("Completed", "Failed", "Stopped");

    static boolean isEnded(String trainingJobStatus) {
        return ENDED.contains(trainingJobStatus);
    }

    /**
     * Prints the new status and transitions and records them in {@code next}.
     *
     * @return {@code true} if anything changed since {@code state}
     */
    boolean printNew(DescribeTrainingJobResponse job, FollowState state, FollowState.Builder next, LogSink sink) {
        boolean changed = false;
        String status = job.trainingJobStatusAsString();
        if (!Objects.equals(job.secondaryStatusAsString(), state.lastSecondaryStatus())) {
            changed = true;
        }
        next.jobArn = job.trainingJobArn();
        next.lastStatus = status;
        next.lastSecondaryStatus = job.secondaryStatusAsString();

        List<SecondaryStatusTransition> transitions = job.hasSecondaryStatusTransitions()
                ? job.secondaryStatusTransitions() : List.of();
        int printed = anchor(transitions, state);
        if (printed > 0) {
            SecondaryStatusTransition last = transitions.get(printed - 1);
            if (isSame(last, state) && !Objects.equals(last.statusMessage(), state.lastTransitionMessage())) {
                print(last, sink);
                changed = true;
            }
        }
        for (int i = printed; i < transitions.size(); i++) {
            print(transitions.get(i), sink);
            changed = true;
        }
        // The status line follows the transitions that led to it, so the console reads in time order.
        if (!Objects.equals(status, state.lastStatus())) {
            sink.info("Training job " + state.jobName() + " status: " + status + ".");
            changed = true;
        }
        if (!transitions.isEmpty()) {
            SecondaryStatusTransition newest = transitions.get(transitions.size() - 1);
            next.printedTransitions = transitions.size();
            next.lastTransitionStatus = newest.statusAsString();
            next.lastTransitionStart = newest.startTime();
            next.lastTransitionMessage = newest.statusMessage();
        }
        return changed;
    }

    /**
     * Returns how many leading transitions are already printed: normally the stored count, but if
     * the transition printed last is found elsewhere in the list, the position after it.
     */
    private static int anchor(List<SecondaryStatusTransition> transitions, FollowState state) {
        int printed = Math.min(state.printedTransitions(), transitions.size());
        if (printed == 0 || isSame(transitions.get(printed - 1), state)) {
            return printed;
        }
        for (int i = transitions.size() - 1; i >= 0; i--) {
            if (isSame(transitions.get(i), state)) {
                return i + 1;
            }
        }
        return printed;
    }

    private static boolean isSame(SecondaryStatusTransition transition, FollowState state) {
        return Objects.equals(transition.statusAsString(), state.lastTransitionStatus())
                && Objects.equals(transition.startTime(), state.lastTransitionStart());
    }

    private static void print(SecondaryStatusTransition transition, LogSink sink) {
        String message = transition.statusMessage();
        sink.info(format(transition.startTime()) + " " + transition.statusAsString()
                + (message == null || message.isBlank() ? "" : ": " + message));
    }

    /** Formats a time as UTC ISO-8601 to the second, for example {@code 2024-05-01T10:00:00Z}. */
    static String format(Instant time) {
        return time == null ? "(unknown time)" : DateTimeFormatter.ISO_INSTANT.format(time.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * Prints the final summary. {@code metrics} is the job's FinalMetricDataList, printed as a table;
     * when it is empty, the result's metrics are printed without their times.
     */
    void printFinal(RunResult result, List<MetricData> metrics, LogSink sink) {
        String secondary = result.secondaryStatus();
        boolean secondaryAddsNothing = secondary == null || secondary.equals(result.trainingJobStatus());
        String statusText = result.trainingJobStatus() + (secondaryAddsNothing ? "" : " (" + secondary + ")");
        if (result.stopPending()) {
            sink.info("Training job " + result.jobName() + " last reported status " + statusText + ".");
        } else {
            sink.info("Training job " + result.jobName() + " ended with status " + statusText + ".");
        }
        result.failureReason().ifPresent(reason -> sink.warn("Failure reason: " + reason));
        if (result.trainingSeconds().isPresent() || result.billableSeconds().isPresent()) {
            sink.info("Training time: " + seconds(result.trainingSeconds().orElse(null))
                    + ", billable time: " + seconds(result.billableSeconds().orElse(null)) + ".");
        }
        result.modelArtifactsUri().ifPresent(uri -> sink.info("Model artifacts: " + uri));
        if (metrics != null && !metrics.isEmpty()) {
            sink.info("Final metrics:");
            for (String line : MetricsTable.formatLines(metrics)) {
                sink.info("  " + line);
            }
        } else if (!result.finalMetrics().isEmpty()) {
            sink.info("Final metrics:");
            for (Map.Entry<String, Double> metric : result.finalMetrics().entrySet()) {
                sink.info("  " + metric.getKey() + " = " + metric.getValue());
            }
        }
        String line = "Result: " + result.outcome() + explanation(result);
        if (result.isSuccess()) {
            sink.info(line);
        } else {
            sink.warn(line);
        }
    }

    private static String explanation(RunResult result) {
        if (result.stopPending()) {
            return ": a stop was requested but not confirmed.";
        }
        switch (result.outcome()) {
            case STOPPED_ON_REQUEST:
                return ": the run was cancelled and the job stopped.";
            case STOPPED_BY_OTHERS:
                if ("MaxRuntimeExceeded".equals(result.secondaryStatus()) || "MaxWaitTimeExceeded".equals(result.secondaryStatus())) {
                    return ": the job reached its stopping condition (" + result.secondaryStatus() + ").";
                }
                return ": the job was stopped outside this run, for example in the AWS console.";
            default:
                return ".";
        }
    }

    private static String seconds(Integer value) {
        return value == null ? "unknown" : value + " s";
    }

    /** Builds the result from the final describe. */
    static RunResult resultOf(DescribeTrainingJobResponse job, RunOutcome outcome, boolean stopPending) {
        RunResult.Builder b = RunResult.builder(job.trainingJobName(), outcome);
        b.jobArn = job.trainingJobArn();
        b.trainingJobStatus = job.trainingJobStatusAsString();
        b.secondaryStatus = job.secondaryStatusAsString();
        b.failureReason = job.failureReason();
        b.trainingSeconds = job.trainingTimeInSeconds();
        b.billableSeconds = job.billableTimeInSeconds();
        b.modelArtifactsUri = job.modelArtifacts() == null ? null : job.modelArtifacts().s3ModelArtifacts();
        if (job.hasFinalMetricDataList()) {
            for (MetricData metric : job.finalMetricDataList()) {
                if (metric.metricName() != null && metric.value() != null) {
                    // Float.toString keeps the decimal SageMaker sent (0.9, not 0.8999999761581421).
                    b.finalMetrics.put(metric.metricName(), Double.valueOf(Float.toString(metric.value())));
                }
            }
        }
        b.creationTime = job.creationTime();
        b.trainingStartTime = job.trainingStartTime();
        b.trainingEndTime = job.trainingEndTime();
        List<SecondaryTransition> transitions = new ArrayList<>();
        if (job.hasSecondaryStatusTransitions()) {
            for (SecondaryStatusTransition t : job.secondaryStatusTransitions()) {
                transitions.add(new SecondaryTransition(t.statusAsString(), t.startTime(), t.endTime(), t.statusMessage()));
            }
        }
        b.secondaryTransitions = transitions;
        b.stopPending = stopPending;
        return b.build();
    }

    /** Builds an unconfirmed-stop result from what the state recorded, when no describe is at hand. */
    static RunResult resultOf(FollowState state, RunOutcome outcome) {
        RunResult.Builder b = RunResult.builder(state.jobName(), outcome);
        b.jobArn = state.jobArn();
        b.trainingJobStatus = state.lastStatus();
        b.secondaryStatus = state.lastSecondaryStatus();
        b.stopPending = true;
        return b.build();
    }
}
