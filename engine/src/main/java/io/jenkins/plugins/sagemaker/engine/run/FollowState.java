package io.jenkins.plugins.sagemaker.engine.run;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Progress of a {@link JobFollower} on one training job: what it has seen and printed, so following
 * can continue on another thread or after a Jenkins restart without printing a line twice or missing one.
 * Immutable and small: only names, statuses, counters and times, no SDK object.
 */
public final class FollowState implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Progress of a stop request. */
    public enum StopState {
        /** No stop requested. */
        NONE,
        /** Stop requested; the next poll sends StopTrainingJob. */
        REQUESTED,
        /** StopTrainingJob was accepted. */
        SENT,
        /** StopTrainingJob was rejected, and the next describe shows whether the job had already ended. */
        REJECTED,
        /** The job had already ended or was stopping when the stop request arrived. */
        NOT_NEEDED
    }

    private final String jobName;
    private final String jobArn;
    private final String lastStatus;
    private final String lastSecondaryStatus;
    private final int printedTransitions;
    private final String lastTransitionStatus;
    private final Instant lastTransitionStart;
    private final String lastTransitionMessage;
    private final Duration pollInterval;
    private final StopState stopState;
    private final Instant stopRequestedAt;
    private final int retryStreak;
    private final String retryOperation;

    private FollowState(Builder b) {
        this.jobName = Objects.requireNonNull(b.jobName, "jobName");
        this.jobArn = b.jobArn;
        this.lastStatus = b.lastStatus;
        this.lastSecondaryStatus = b.lastSecondaryStatus;
        this.printedTransitions = b.printedTransitions;
        this.lastTransitionStatus = b.lastTransitionStatus;
        this.lastTransitionStart = b.lastTransitionStart;
        this.lastTransitionMessage = b.lastTransitionMessage;
        this.pollInterval = Objects.requireNonNull(b.pollInterval, "pollInterval");
        this.stopState = Objects.requireNonNull(b.stopState, "stopState");
        this.stopRequestedAt = b.stopRequestedAt;
        this.retryStreak = b.retryStreak;
        this.retryOperation = b.retryOperation;
    }

    /** Returns the state before the first poll of {@code jobName}. */
    public static FollowState start(String jobName, Duration pollInterval) {
        if (jobName == null || jobName.isBlank()) {
            throw new IllegalArgumentException("Training job name is missing; pass the name of the job to follow.");
        }
        Builder b = new Builder();
        b.jobName = jobName;
        b.pollInterval = pollInterval;
        b.stopState = StopState.NONE;
        return b.build();
    }

    public String jobName() {
        return jobName;
    }

    /** The job ARN once a describe has returned it, otherwise {@code null}. */
    public String jobArn() {
        return jobArn;
    }

    /** The TrainingJobStatus printed last, or {@code null} before the first successful poll. */
    public String lastStatus() {
        return lastStatus;
    }

    public String lastSecondaryStatus() {
        return lastSecondaryStatus;
    }

    /** How many entries of SecondaryStatusTransitions have been printed. */
    public int printedTransitions() {
        return printedTransitions;
    }

    /** Status of the transition printed last, which identifies it together with its start time. */
    public String lastTransitionStatus() {
        return lastTransitionStatus;
    }

    public Instant lastTransitionStart() {
        return lastTransitionStart;
    }

    /** StatusMessage of the transition printed last, as printed. */
    public String lastTransitionMessage() {
        return lastTransitionMessage;
    }

    /** Current poll interval; grows while nothing changes. */
    public Duration pollInterval() {
        return pollInterval;
    }

    public StopState stopState() {
        return stopState;
    }

    public boolean isStopRequested() {
        return stopState != StopState.NONE;
    }

    /** When the stop was requested, or {@code null}. */
    public Instant stopRequestedAt() {
        return stopRequestedAt;
    }

    /** Consecutive transient failures of the current call; 0 when the last call succeeded. */
    public int retryStreak() {
        return retryStreak;
    }

    /** The operation of the current retry streak, or {@code null}. */
    public String retryOperation() {
        return retryOperation;
    }

    /** Returns a copy whose next poll sends StopTrainingJob, or this state if a stop was already requested. */
    public FollowState withStopRequested(Instant now) {
        if (stopState != StopState.NONE) {
            return this;
        }
        Builder b = toBuilder();
        b.stopState = StopState.REQUESTED;
        b.stopRequestedAt = Objects.requireNonNull(now, "now");
        return b.build();
    }

    Builder toBuilder() {
        Builder b = new Builder();
        b.jobName = jobName;
        b.jobArn = jobArn;
        b.lastStatus = lastStatus;
        b.lastSecondaryStatus = lastSecondaryStatus;
        b.printedTransitions = printedTransitions;
        b.lastTransitionStatus = lastTransitionStatus;
        b.lastTransitionStart = lastTransitionStart;
        b.lastTransitionMessage = lastTransitionMessage;
        b.pollInterval = pollInterval;
        b.stopState = stopState;
        b.stopRequestedAt = stopRequestedAt;
        b.retryStreak = retryStreak;
        b.retryOperation = retryOperation;
        return b;
    }

    @Override
    public boolean equals(Object other) {
        if (!(other instanceof FollowState)) {
            return false;
        }
        FollowState that = (FollowState) other;
        return printedTransitions == that.printedTransitions
                && retryStreak == that.retryStreak
                && jobName.equals(that.jobName)
                && Objects.equals(jobArn, that.jobArn)
                && Objects.equals(lastStatus, that.lastStatus)
                && Objects.equals(lastSecondaryStatus, that.lastSecondaryStatus)
                && Objects.equals(lastTransitionStatus, that.lastTransitionStatus)
                && Objects.equals(lastTransitionStart, that.lastTransitionStart)
                && Objects.equals(lastTransitionMessage, that.lastTransitionMessage)
                && pollInterval.equals(that.pollInterval)
                && stopState == that.stopState
                && Objects.equals(stopRequestedAt, that.stopRequestedAt)
                && Objects.equals(retryOperation, that.retryOperation);
    }

    @Override
    public int hashCode() {
        return Objects.hash(jobName, lastStatus, lastSecondaryStatus, printedTransitions, stopState, retryStreak);
    }

    @Override
    public String toString() {
        return "FollowState{jobName=" + jobName + ", lastStatus=" + lastStatus
                + ", lastSecondaryStatus=" + lastSecondaryStatus + ", printedTransitions=" + printedTransitions
                + ", pollInterval=" + pollInterval + ", stopState=" + stopState
                + ", retryStreak=" + retryStreak + "}";
    }

    /** Mutable copy used by the follower to derive the next state. */
    static final class Builder {
        String jobName;
        String jobArn;
        String lastStatus;
        String lastSecondaryStatus;
        int printedTransitions;
        String lastTransitionStatus;
        Instant lastTransitionStart;
        String lastTransitionMessage;
        Duration pollInterval;
        StopState stopState;
        Instant stopRequestedAt;
        int retryStreak;
        String retryOperation;

        Builder pollInterval(Duration value) {
            this.pollInterval = value;
            return this;
        }

        Builder stopState(StopState value) {
            this.stopState = value;
            return this;
        }

        Builder retryStreak(int value) {
            this.retryStreak = value;
            return this;
        }

        Builder retryOperation(String value) {
            this.retryOperation = value;
            return this;
        }

        FollowState build() {
            return new FollowState(this);
        }
    }
}
