package io.jenkins.plugins.sagemaker.emulator.sagemaker;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import io.jenkins.plugins.sagemaker.emulator.logs.JobLogPlanner;
import io.jenkins.plugins.sagemaker.emulator.logs.LogEvent;
import io.jenkins.plugins.sagemaker.emulator.logs.LogStream;
import io.jenkins.plugins.sagemaker.emulator.protocol.ApiException;
import io.jenkins.plugins.sagemaker.emulator.protocol.Json;
import io.jenkins.plugins.sagemaker.emulator.s3.ModelArchive;
import io.jenkins.plugins.sagemaker.emulator.s3.ObjectStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;

/**
 * One emulated training job. Its state is a function of the emulator clock: {@link #advanceTo} replays every
 * phase end that lies before the given time, in order, with its side effects (the input check against S3
 * when Downloading starts, the model upload when Uploading ends). Not thread-safe: the owning
 * {@link TrainingJobService} serializes access.
 */
final class TrainingJob {

    private static final Logger LOGGER = Logger.getLogger(TrainingJob.class.getName());

    /** Share of the training time billed with managed spot training; an emulator choice, real savings vary. */
    private static final double SPOT_BILLED_SHARE = 0.3;

    /** A channel whose data the job downloads from S3. */
    record InputChannel(String name, String s3Uri) {
    }

    /** Everything CreateTrainingJob fixed about the job. */
    record Definition(String name, String arn, String roleArn, ObjectNode describeEcho, Map<String, String> tags,
            JobPlan plan, int instanceCount, long maxRuntimeSeconds, boolean managedSpot,
            List<MetricDefinition> metricDefinitions, List<InputChannel> channels, String outputPath) {
    }

    private final Definition definition;
    private final Instant creationTime;
    private final String region;
    private final ObjectStore objectStore;
    private final List<LogStream> logStreams;
    private final List<StatusTransition> transitions = new ArrayList<>();

    private JobPhase phase;
    private Instant phaseStart;
    private String trainingJobStatus;
    private String secondaryStatus;
    private String failureReason;
    private String pendingFailureReason;
    private boolean stoppedByMaxRuntime;
    private String modelArtifacts;
    private Instant trainingStartTime;
    private Instant trainingEndTime;
    private Instant lastModifiedTime;
    private Instant logsEnd;

    TrainingJob(Definition definition, Instant creationTime, String region, ObjectStore objectStore) {
        this.definition = definition;
        this.creationTime = creationTime;
        this.region = region;
        this.objectStore = objectStore;

        JobPlan plan = definition.plan();
        Instant downloadingStart = creationTime.plus(plan.starting());
        Instant trainingStart = downloadingStart.plus(plan.downloading());
        Instant trainingEnd = trainingStart.plus(plan.training());
        List<String> channelNames = definition.channels().stream().map(InputChannel::name).toList();
        this.logStreams = JobLogPlanner.plan(definition.name(), plan, definition.instanceCount(), channelNames,
                downloadingStart, trainingStart, trainingEnd);

        enter(JobPhase.STARTING, creationTime, "Launching requested ML instances");
    }

    String name() {
        return definition.name();
    }

    String arn() {
        return definition.arn();
    }

    Instant creationTime() {
        return creationTime;
    }

    Map<String, String> tags() {
        return definition.tags();
    }

    String trainingJobStatus() {
        return trainingJobStatus;
    }

    Instant lastModifiedTime() {
        return lastModifiedTime;
    }

    List<LogStream> logStreams() {
        return logStreams;
    }

    /** Returns the time up to which log events exist: the clock, or the moment the job stopped writing logs. */
    long logCutoffMillis(Instant now) {
        Instant cutoff = logsEnd != null && logsEnd.isBefore(now) ? logsEnd : now;
        return cutoff.toEpochMilli();
    }

    /** Replays every phase end up to {@code now}. */
    void advanceTo(Instant now) {
        while (phase != null) {
            JobPhase current = phase;
            if (current == JobPhase.STARTING) {
                updateStartingMessage(now);
            }

            Instant end = phaseStart.plus(duration(current));
            Instant deadline = runtimeDeadline();
            boolean runtimeExceeded = current.countsTowardsRuntime() && deadline != null && deadline.isBefore(end);
            if (runtimeExceeded) {
                end = deadline;
            }
            if (now.isBefore(end)) {
                return;
            }

            if (runtimeExceeded) {
                stoppedByMaxRuntime = true;
                enter(JobPhase.STOPPING, end, "Stopping the training job because it reached MaxRuntimeInSeconds ("
                        + definition.maxRuntimeSeconds() + " seconds)");
            } else {
                finishPhase(current, end);
            }
        }
    }

    /** Handles StopTrainingJob at {@code now}, after {@link #advanceTo(Instant)}. */
    void stop(Instant now) {
        if (phase == JobPhase.STOPPING) {
            return;
        }
        if (phase == null) {
            throw ApiException.validation("The request was rejected because the training job is in status " + trainingJobStatus + ".");
        }
        enter(JobPhase.STOPPING, now, "Stopping the training job");
    }

    ObjectNode describe(Instant now) {
        ObjectNode response = Json.object();
        response.put("TrainingJobName", definition.name());
        response.put("TrainingJobArn", definition.arn());
        if (modelArtifacts != null) {
            response.putObject("ModelArtifacts").put("S3ModelArtifacts", modelArtifacts);
        }
        response.put("TrainingJobStatus", trainingJobStatus);
        response.put("SecondaryStatus", secondaryStatus);
        if (failureReason != null) {
            response.put("FailureReason", failureReason);
        }
        response.setAll(definition.describeEcho().deepCopy());

        Json.putTimestamp(response, "CreationTime", creationTime);
        Json.putTimestamp(response, "TrainingStartTime", trainingStartTime);
        Json.putTimestamp(response, "TrainingEndTime", trainingEndTime);
        Json.putTimestamp(response, "LastModifiedTime", lastModifiedTime);
        ArrayNode transitionsJson = response.putArray("SecondaryStatusTransitions");
        for (StatusTransition transition : transitions) {
            transitionsJson.add(transition.toJson());
        }

        ArrayNode metrics = finalMetrics(now);
        if (!metrics.isEmpty()) {
            response.set("FinalMetricDataList", metrics);
        }

        if (trainingStartTime != null && trainingEndTime != null) {
            long trainingSeconds = Duration.between(trainingStartTime, trainingEndTime).toSeconds();
            long billableSeconds = definition.managedSpot()
                    ? Math.max(1, Math.round(trainingSeconds * SPOT_BILLED_SHARE))
                    : trainingSeconds;
            response.put("TrainingTimeInSeconds", trainingSeconds);
            response.put("BillableTimeInSeconds", billableSeconds);
        }
        return response;
    }

    ObjectNode summary() {
        ObjectNode summary = Json.object();
        summary.put("TrainingJobName", definition.name());
        summary.put("TrainingJobArn", definition.arn());
        Json.putTimestamp(summary, "CreationTime", creationTime);
        Json.putTimestamp(summary, "TrainingEndTime", trainingEndTime);
        Json.putTimestamp(summary, "LastModifiedTime", lastModifiedTime);
        summary.put("TrainingJobStatus", trainingJobStatus);
        summary.put("SecondaryStatus", secondaryStatus);
        return summary;
    }

    private void finishPhase(JobPhase current, Instant end) {
        JobPlan plan = definition.plan();
        boolean planFailsHere = plan.failurePhase().filter(current.secondaryStatus()::equals).isPresent();
        switch (current) {
            case STARTING -> {
                if (planFailsHere) {
                    fail(end, plan.failureReason().orElseThrow());
                    return;
                }
                trainingStartTime = end;
                enter(JobPhase.DOWNLOADING, end, "Downloading input data");
                pendingFailureReason = checkInputData();
            }
            case DOWNLOADING -> {
                if (pendingFailureReason != null) {
                    fail(end, pendingFailureReason);
                } else if (planFailsHere) {
                    fail(end, plan.failureReason().orElseThrow());
                } else {
                    enter(JobPhase.TRAINING, end, "Training image download completed. Training in progress.");
                }
            }
            case TRAINING -> {
                if (planFailsHere) {
                    fail(end, plan.failureReason().orElseThrow());
                } else {
                    enter(JobPhase.UPLOADING, end, "Uploading generated training model");
                }
            }
            case UPLOADING -> {
                if (planFailsHere) {
                    fail(end, plan.failureReason().orElseThrow());
                    return;
                }
                String uploadFailure = uploadModel(end);
                if (uploadFailure != null) {
                    fail(end, uploadFailure);
                } else {
                    finish(end, "Completed", "Completed", "Training job completed", null);
                }
            }
            case STOPPING -> {
                // NOTE: SageMaker can upload the artifacts that a stopped job saved, but the emulator writes no model for it.
                if (stoppedByMaxRuntime) {
                    finish(end, "Stopped", "MaxRuntimeExceeded", "Training job stopped because it exceeded MaxRuntimeInSeconds ("
                            + definition.maxRuntimeSeconds() + " seconds)", null);
                } else {
                    finish(end, "Stopped", "Stopped", "Training job stopped", null);
                }
            }
            default -> throw new IllegalStateException("unexpected phase " + current);
        }
    }

    private void enter(JobPhase next, Instant time, String message) {
        closeCurrentTransition(time);
        if (next == JobPhase.STOPPING) {
            // The algorithm writes no more log lines once it is asked to stop.
            logsEnd = time;
        }
        phase = next;
        phaseStart = time;
        trainingJobStatus = next.trainingJobStatus();
        secondaryStatus = next.secondaryStatus();
        transitions.add(new StatusTransition(next.secondaryStatus(), time, message));
        lastModifiedTime = time;
    }

    private void fail(Instant time, String reason) {
        finish(time, "Failed", "Failed", reason, reason);
    }

    private void finish(Instant time, String status, String secondary, String message, String reason) {
        closeCurrentTransition(time);
        StatusTransition last = new StatusTransition(secondary, time, message);
        last.end(time);
        transitions.add(last);
        phase = null;
        phaseStart = null;
        trainingJobStatus = status;
        secondaryStatus = secondary;
        failureReason = reason;
        trainingEndTime = time;
        lastModifiedTime = time;
        if (logsEnd == null) {
            logsEnd = time;
        }
    }

    private void closeCurrentTransition(Instant time) {
        if (!transitions.isEmpty()) {
            transitions.get(transitions.size() - 1).end(time);
        }
    }

    private void updateStartingMessage(Instant now) {
        Duration half = definition.plan().starting().dividedBy(2);
        if (!now.isBefore(phaseStart.plus(half))) {
            transitions.get(transitions.size() - 1).statusMessage("Preparing the instances for training");
        }
    }

    private Duration duration(JobPhase current) {
        JobPlan plan = definition.plan();
        return switch (current) {
            case STARTING -> plan.starting();
            case DOWNLOADING -> plan.downloading();
            case TRAINING -> plan.training();
            case UPLOADING -> plan.uploading();
            case STOPPING -> plan.stopping();
        };
    }

    private Instant runtimeDeadline() {
        return trainingStartTime == null ? null : trainingStartTime.plusSeconds(definition.maxRuntimeSeconds());
    }

    /** Returns the failure reason SageMaker gives when a channel's S3 prefix contains no object, or null when all channels have data. */
    private String checkInputData() {
        for (InputChannel channel : definition.channels()) {
            S3Location location = S3Location.parse(channel.s3Uri());
            ObjectStore.PrefixState state = objectStore.inspectPrefix(location.bucket(), location.key());
            if (state != ObjectStore.PrefixState.HAS_OBJECTS) {
                return "ClientError: No S3 objects found under S3 URL \"" + channel.s3Uri() + "\" given in input data source"
                        + " of channel \"" + channel.name() + "\". Please ensure that the bucket exists in the selected region ("
                        + region + "), that objects exist under that S3 prefix, and that the role \"" + definition.roleArn()
                        + "\" has \"s3:ListBucket\" permissions on bucket \"" + location.bucket() + "\".";
            }
        }
        return null;
    }

    /** Writes model.tar.gz; returns a failure reason when the output bucket does not exist. */
    private String uploadModel(Instant time) {
        S3Location output = S3Location.parse(definition.outputPath()).resolve(definition.name(), "output", "model.tar.gz");
        if (!objectStore.bucketExists(output.bucket())) {
            return "ClientError: Failed to upload the model artifacts to " + output + " because the bucket \"" + output.bucket()
                    + "\" does not exist. Create the bucket in " + region + " or change OutputDataConfig.S3OutputPath.";
        }
        String content = "Model of the emulated training job " + definition.name() + "\n";
        objectStore.putObject(output.bucket(), output.key(), ModelArchive.create("model.txt", content, time.getEpochSecond()));
        modelArtifacts = output.toString();
        LOGGER.log(Level.FINE, "Training job {0} wrote {1}", new Object[] {definition.name(), modelArtifacts});
        return null;
    }

    /** Applies the metric definitions to the visible log events in time order; the last match of each metric wins. */
    private ArrayNode finalMetrics(Instant now) {
        ArrayNode metrics = Json.array();
        if (definition.metricDefinitions().isEmpty()) {
            return metrics;
        }
        long cutoff = logCutoffMillis(now);
        List<LogEvent> events = new ArrayList<>();
        for (LogStream stream : logStreams) {
            if (stream.existsAt(cutoff)) {
                events.addAll(stream.events().subList(0, stream.visibleCount(cutoff)));
            }
        }
        events.sort(Comparator.comparingLong(LogEvent::timestamp));

        Map<String, LogMatch> lastMatches = new LinkedHashMap<>();
        for (LogEvent event : events) {
            for (MetricDefinition metric : definition.metricDefinitions()) {
                Matcher matcher = metric.regex().matcher(event.message());
                if (matcher.find() && matcher.groupCount() >= 1 && matcher.group(1) != null) {
                    try {
                        double value = Double.parseDouble(matcher.group(1).trim());
                        lastMatches.put(metric.name(), new LogMatch(value, event.timestamp()));
                    } catch (NumberFormatException e) {
                        // A captured value that is not a number does not count as a match.
                    }
                }
            }
        }
        lastMatches.forEach((name, match) -> {
            ObjectNode metric = metrics.addObject();
            metric.put("MetricName", name);
            metric.put("Value", match.value());
            Json.putTimestamp(metric, "Timestamp", Instant.ofEpochMilli(match.timestamp()));
        });
        return metrics;
    }

    private record LogMatch(double value, long timestamp) {
    }
}
