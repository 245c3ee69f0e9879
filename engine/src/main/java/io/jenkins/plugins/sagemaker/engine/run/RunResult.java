package io.jenkins.plugins.sagemaker.engine.run;

import java.io.Serializable;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** End of a training run: its outcome and the job's final figures. Immutable and serializable. */
public final class RunResult implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String jobName;
    private final String jobArn;
    private final RunOutcome outcome;
    private final String trainingJobStatus;
    private final String secondaryStatus;
    private final String failureReason;
    private final Integer trainingSeconds;
    private final Integer billableSeconds;
    private final String modelArtifactsUri;
    private final Map<String, Double> finalMetrics;
    private final Instant creationTime;
    private final Instant trainingStartTime;
    private final Instant trainingEndTime;
    private final List<SecondaryTransition> secondaryTransitions;
    private final boolean stopPending;

    private RunResult(Builder b) {
        this.jobName = Objects.requireNonNull(b.jobName, "jobName");
        this.jobArn = b.jobArn;
        this.outcome = Objects.requireNonNull(b.outcome, "outcome");
        this.trainingJobStatus = b.trainingJobStatus;
        this.secondaryStatus = b.secondaryStatus;
        this.failureReason = b.failureReason;
        this.trainingSeconds = b.trainingSeconds;
        this.billableSeconds = b.billableSeconds;
        this.modelArtifactsUri = b.modelArtifactsUri;
        this.finalMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(b.finalMetrics));
        this.creationTime = b.creationTime;
        this.trainingStartTime = b.trainingStartTime;
        this.trainingEndTime = b.trainingEndTime;
        this.secondaryTransitions = List.copyOf(b.secondaryTransitions);
        this.stopPending = b.stopPending;
    }

    public String jobName() {
        return jobName;
    }

    /** The job ARN; {@code null} only if no describe of the job ever succeeded. */
    public String jobArn() {
        return jobArn;
    }

    public RunOutcome outcome() {
        return outcome;
    }

    /** {@code true} only for {@link RunOutcome#COMPLETED}. */
    public boolean isSuccess() {
        return outcome == RunOutcome.COMPLETED;
    }

    /** TrainingJobStatus when the result was made: Completed, Failed, Stopped, or Stopping if {@link #stopPending()}. */
    public String trainingJobStatus() {
        return trainingJobStatus;
    }

    /** SecondaryStatus, which distinguishes MaxRuntimeExceeded from a stop by someone else (Stopped). */
    public String secondaryStatus() {
        return secondaryStatus;
    }

    /**
     * {@code true} when StopTrainingJob was requested but the job had not reported Stopped when the
     * stop wait ended; the job may still be running or stopping.
     */
    public boolean stopPending() {
        return stopPending;
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    public Optional<Integer> trainingSeconds() {
        return Optional.ofNullable(trainingSeconds);
    }

    public Optional<Integer> billableSeconds() {
        return Optional.ofNullable(billableSeconds);
    }

    /** S3 URI of model.tar.gz, when SageMaker reported one. */
    public Optional<String> modelArtifactsUri() {
        return Optional.ofNullable(modelArtifactsUri);
    }

    /** Final metric values by name, in SageMaker's order. */
    public Map<String, Double> finalMetrics() {
        return finalMetrics;
    }

    public Optional<Instant> creationTime() {
        return Optional.ofNullable(creationTime);
    }

    public Optional<Instant> trainingStartTime() {
        return Optional.ofNullable(trainingStartTime);
    }

    public Optional<Instant> trainingEndTime() {
        return Optional.ofNullable(trainingEndTime);
    }

    public List<SecondaryTransition> secondaryTransitions() {
        return secondaryTransitions;
    }

    @Override
    public String toString() {
        return "RunResult{jobName=" + jobName + ", outcome=" + outcome + ", trainingJobStatus=" + trainingJobStatus
                + ", secondaryStatus=" + secondaryStatus + ", stopPending=" + stopPending
                + ", failureReason=" + failureReason + ", finalMetrics=" + finalMetrics + "}";
    }

    static Builder builder(String jobName, RunOutcome outcome) {
        Builder b = new Builder();
        b.jobName = jobName;
        b.outcome = outcome;
        return b;
    }

    /** Collects the fields; filled by {@link JobFollower}. */
    static final class Builder {
        String jobName;
        String jobArn;
        RunOutcome outcome;
        String trainingJobStatus;
        String secondaryStatus;
        String failureReason;
        Integer trainingSeconds;
        Integer billableSeconds;
        String modelArtifactsUri;
        Map<String, Double> finalMetrics = new LinkedHashMap<>();
        Instant creationTime;
        Instant trainingStartTime;
        Instant trainingEndTime;
        List<SecondaryTransition> secondaryTransitions = List.of();
        boolean stopPending;

        RunResult build() {
            return new RunResult(this);
        }
    }
}
