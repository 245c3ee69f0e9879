package io.jenkins.plugins.sagemaker.run;

import io.jenkins.plugins.sagemaker.engine.aws.AwsClientFactory;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientSettings;
import io.jenkins.plugins.sagemaker.engine.logs.LogLineSink;
import io.jenkins.plugins.sagemaker.engine.logs.LogPosition;
import io.jenkins.plugins.sagemaker.engine.logs.LogRelay;
import io.jenkins.plugins.sagemaker.engine.logs.LogRelayOptions;
import io.jenkins.plugins.sagemaker.engine.run.Cancellation;
import io.jenkins.plugins.sagemaker.engine.run.FollowState;
import io.jenkins.plugins.sagemaker.engine.run.JobFollower;
import io.jenkins.plugins.sagemaker.engine.run.JobSubmitter;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.run.PollResult;
import io.jenkins.plugins.sagemaker.engine.run.RunSettings;
import io.jenkins.plugins.sagemaker.engine.run.SubmittedJob;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;

/**
 * The engine calls of one training run, behind one small API: submit, one poll step (job status and
 * container log) and close. The freestyle step loops over {@link #poll}; the Pipeline step runs each
 * poll as one task on a shared scheduler. This is the only class of the plugin that calls
 * {@code JobSubmitter}, {@code JobFollower} and {@code LogRelay}.
 */
public final class TrainingSession implements AutoCloseable {

    private final AwsClientFactory clients;
    private final RunSettings runSettings;
    private final JobFollower follower;

    private TrainingSession(AwsClientSettings settings, RunSettings runSettings) {
        this.clients = AwsClientFactory.create(settings);
        this.runSettings = runSettings;
        this.follower = new JobFollower(clients.sageMaker(), runSettings);
    }

    /**
     * Opens the AWS clients of a run.
     *
     * @param pollIntervalSeconds first and shortest pause between two polls, in seconds
     * @param maxPollIntervalSeconds longest pause while nothing changes, in seconds
     */
    public static TrainingSession open(AwsClientSettings settings, int pollIntervalSeconds, int maxPollIntervalSeconds) {
        RunSettings runSettings = RunSettings.builder()
                .pollInterval(Duration.ofSeconds(pollIntervalSeconds))
                .maxPollInterval(Duration.ofSeconds(Math.max(pollIntervalSeconds, maxPollIntervalSeconds)))
                .build();
        return new TrainingSession(settings, runSettings);
    }

    /** Sends CreateTrainingJob, or adopts the job that the same run id created before a lost response or a restart. */
    public SubmittedJob submit(CreateTrainingJobRequest request, String runId, LogSink sink, Cancellation cancel) {
        return new JobSubmitter(clients.sageMaker(), runSettings).submit(request, runId, sink, cancel);
    }

    /** Returns the follow state before the first poll of {@code jobName}. */
    public FollowState startFollowing(String jobName) {
        return follower.start(jobName);
    }

    /**
     * Makes one poll: one DescribeTrainingJob (plus StopTrainingJob once when the state asks for it) and
     * the container log lines that are new since {@code logPosition}. At the end of the job the log is
     * read to its end.
     */
    public Progress poll(FollowState state, LogPosition logPosition, LogSink status, LogLineSink containerLog) {
        PollResult result = follower.poll(state, status);
        LogRelay relay = new LogRelay(clients.cloudWatchLogs(), state.jobName(), LogRelayOptions.defaults());
        Instant now = runSettings.clock().instant();
        LogPosition nextPosition = result.isDone()
                ? relay.drain(logPosition, containerLog, now)
                : relay.poll(logPosition, containerLog, now);
        return new Progress(result, nextPosition);
    }

    @Override
    public void close() {
        clients.close();
    }

    /** What one {@link #poll} found, with the log position to keep for the next one. */
    public record Progress(PollResult poll, LogPosition logPosition) {
    }
}
