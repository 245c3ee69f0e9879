package io.jenkins.plugins.sagemaker.engine.run;

import io.jenkins.plugins.sagemaker.engine.run.FollowState.StopState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/**
 * Follows a training job as a state machine: each {@link #poll} makes one DescribeTrainingJob (and
 * sends StopTrainingJob once when a stop was requested), prints what is new and returns the next
 * state and delay. A Jenkins pipeline step runs polls on a shared scheduler and keeps only the
 * {@link FollowState}; {@link #followUntilDone} loops on the calling thread for the command line
 * and freestyle builds. A follower keeps no per-job state, so one instance may serve many jobs
 * and threads.
 */
public final class JobFollower {

    private static final Logger LOGGER = Logger.getLogger(JobFollower.class.getName());

    private final SageMakerClient client;
    private final RunSettings settings;
    private final StatusPrinter printer = new StatusPrinter();

    public JobFollower(SageMakerClient client, RunSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /** Returns the state before the first poll of {@code jobName}. */
    public FollowState start(String jobName) {
        return FollowState.start(jobName, settings.pollInterval());
    }

    /** Returns a copy of {@code state} whose next poll sends StopTrainingJob; safe to call more than once. */
    public FollowState requestStop(FollowState state) {
        return state.withStopRequested(settings.clock().instant());
    }

    /**
     * Makes one round: StopTrainingJob if requested and not yet sent, then DescribeTrainingJob.
     * Transient errors do not fail the run. They return the same state with a jittered retry
     * delay, or the unconfirmed-stop result once the stop timeout has passed.
     *
     * @throws TrainingRunException on errors that retrying does not fix, with the AWS error code
     */
    public PollResult poll(FollowState state, LogSink sink) {
        return poll(state, sink, sink);
    }

    /**
     * Makes one round like {@link #poll(FollowState, LogSink)}, but prints the final summary of an
     * ended job to {@code summary}, so a caller can print the rest of the job's log before it.
     *
     * @param sink receives status changes, transitions and retry warnings
     * @param summary receives the final status, times, artifacts, metrics and result
     */
    public PollResult poll(FollowState state, LogSink sink, LogSink summary) {
        String jobName = state.jobName();
        String stopRejection = null;
        if (state.stopState() == StopState.REQUESTED) {
            try {
                uninterruptibly(() -> client.stopTrainingJob(r -> r.trainingJobName(jobName)));
                sink.info("Sent StopTrainingJob for training job " + state.jobName() + "; waiting until it has stopped.");
                state = afterSuccess(state, sink).stopState(StopState.SENT).build();
            } catch (SdkException e) {
                if (AwsErrors.isInterruption(e)) {
                    return interrupted(state);
                }
                if (AwsErrors.isTransient(e)) {
                    return retry(state, "StopTrainingJob", e, sink, summary);
                }
                if (!AwsErrors.hasErrorCode(e, "ValidationException") || AwsErrors.isNotFound(e)) {
                    throw failure("StopTrainingJob", state.jobName(), e);
                }
                // SageMaker rejects a stop for a job that is no longer InProgress, so the describe below decides.
                LOGGER.log(Level.FINE, "StopTrainingJob rejected for " + state.jobName(), e);
                stopRejection = AwsErrors.describe(e);
                state = afterSuccess(state, sink).stopState(StopState.REJECTED).build();
            }
        }

        DescribeTrainingJobResponse job;
        try {
            job = uninterruptibly(() -> client.describeTrainingJob(r -> r.trainingJobName(jobName)));
        } catch (SdkException e) {
            if (AwsErrors.isInterruption(e)) {
                return interrupted(state);
            }
            if (AwsErrors.isTransient(e)) {
                return retry(state, "DescribeTrainingJob", e, sink, summary);
            }
            throw failure("DescribeTrainingJob", state.jobName(), e);
        }

        FollowState.Builder next = afterSuccess(state, sink);
        boolean changed = printer.printNew(job, state, next, sink);
        String status = job.trainingJobStatusAsString();

        if (state.stopState() == StopState.REJECTED) {
            if (!StatusPrinter.isEnded(status) && !"Stopping".equals(status)) {
                throw new TrainingRunException("StopTrainingJob was rejected for training job " + state.jobName()
                        + " although it is " + status + (stopRejection == null ? "" : " (" + stopRejection + ")")
                        + "; stop it in the AWS console.", "ValidationException", null);
            }
            sink.info("Training job " + state.jobName() + " was already " + status + " when the stop was requested; "
                    + "StopTrainingJob was not needed.");
            next.stopState(StopState.NOT_NEEDED);
            changed = true;
        }

        FollowState observed = next.build();
        if (StatusPrinter.isEnded(status)) {
            RunResult result = StatusPrinter.resultOf(job, outcomeOf(status, observed), false);
            printer.printFinal(result, job.finalMetricDataList(), summary);
            return new PollResult(observed, Optional.of(result), Duration.ZERO);
        }
        if (stopTimedOut(observed)) {
            RunResult result = StatusPrinter.resultOf(job, stopOutcome(observed), true);
            return stopUnconfirmed(observed, result, summary);
        }

        Duration delay = Backoff.nextPollInterval(observed.pollInterval(), changed, settings.pollBackoff(),
                settings.pollInterval(), settings.maxPollInterval());
        return new PollResult(observed.toBuilder().pollInterval(delay).build(), Optional.empty(), delay);
    }

    /**
     * Polls until the job ends, sleeping with the settings' {@link Sleeper} in between. A cancel or
     * an interrupt of this thread sends StopTrainingJob once, then waits up to
     * {@link RunSettings#stopTimeout()} for Stopped; a second interrupt ends that wait early. The
     * thread's interrupt flag is restored before returning.
     */
    public RunResult followUntilDone(FollowState state, LogSink sink, Cancellation cancel) {
        return followUntilDone(state, sink, cancel, current -> poll(current, sink));
    }

    /**
     * Loops like {@link #followUntilDone(FollowState, LogSink, Cancellation)} but makes each round
     * with {@code pollStep}, which must call {@link #poll} once, so callers can do more per round
     * (for example relay CloudWatch log lines).
     */
    public RunResult followUntilDone(FollowState state, LogSink sink, Cancellation cancel,
            Function<FollowState, PollResult> pollStep) {
        boolean interrupted = false;
        // Sleeps after the stop request must not return at once, although the token is cancelled then.
        Cancellation stopWait = new Cancellation();
        try {
            if (Thread.interrupted()) {
                interrupted = true;
                cancel.cancel();
            }
            while (true) {
                if (cancel.isCancelled() && !state.isStopRequested()) {
                    sink.info("Run cancelled; stopping training job " + state.jobName() + ".");
                    state = requestStop(state);
                }

                PollResult poll = pollStep.apply(state);
                state = poll.next();
                if (poll.result().isPresent()) {
                    return poll.result().get();
                }

                boolean interruptedNow = Thread.interrupted();
                boolean stopNotYetRequested = cancel.isCancelled() && !state.isStopRequested();
                if (!interruptedNow && !stopNotYetRequested) {
                    try {
                        settings.sleeper().sleep(poll.nextDelay(), state.isStopRequested() ? stopWait : cancel);
                    } catch (InterruptedException e) {
                        interruptedNow = true;
                    }
                }
                if (interruptedNow) {
                    interrupted = true;
                    cancel.cancel();
                    if (state.isStopRequested() && state.stopState() != StopState.REQUESTED) {
                        sink.warn("Interrupted again while waiting for training job " + state.jobName()
                                + " to stop; no longer waiting.");
                        return stopUnconfirmed(state, StatusPrinter.resultOf(state, stopOutcome(state)), sink)
                                .result().orElseThrow();
                    }
                }
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private FollowState.Builder afterSuccess(FollowState state, LogSink sink) {
        FollowState.Builder next = state.toBuilder();
        if (state.retryStreak() > 0) {
            sink.info(state.retryOperation() + " succeeded after " + state.retryStreak()
                    + (state.retryStreak() == 1 ? " retry." : " retries."));
            next.retryStreak(0).retryOperation(null);
        }
        return next;
    }

    private PollResult retry(FollowState state, String operation, SdkException e, LogSink sink, LogSink summary) {
        FollowState.Builder next = state.toBuilder();
        if (state.retryStreak() == 0 || !operation.equals(state.retryOperation())) {
            sink.warn(AwsErrors.retryWarning(operation, e));
            next.retryStreak(1).retryOperation(operation);
        } else {
            next.retryStreak(state.retryStreak() + 1);
        }
        LOGGER.log(Level.FINE, operation + " failed for " + state.jobName() + "; retry " + (state.retryStreak() + 1), e);
        FollowState retrying = next.build();
        if (stopTimedOut(retrying)) {
            return stopUnconfirmed(retrying, StatusPrinter.resultOf(retrying, stopOutcome(retrying)), summary);
        }
        Duration delay = Backoff.retryDelay(retrying.retryStreak(), settings.retryBaseDelay(), settings.retryMaxDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
        return new PollResult(retrying, Optional.empty(), delay);
    }

    /** Sets the interrupt flag again after an SDK call aborted by an interrupt, and polls again after the usual interval. */
    private static PollResult interrupted(FollowState state) {
        Thread.currentThread().interrupt();
        return new PollResult(state, Optional.empty(), state.pollInterval());
    }

    private boolean stopTimedOut(FollowState state) {
        Instant requested = state.stopRequestedAt();
        return requested != null
                && !settings.clock().instant().isBefore(requested.plus(settings.stopTimeout()));
    }

    private PollResult stopUnconfirmed(FollowState state, RunResult result, LogSink sink) {
        String status = state.lastStatus() == null ? "an unknown status" : state.lastStatus();
        sink.warn("Training job " + state.jobName() + " was asked to stop at " + StatusPrinter.format(state.stopRequestedAt())
                + " but still reports " + status + "; the stop is not confirmed. Check the job in the AWS console.");
        printer.printFinal(result, List.of(), sink);
        return new PollResult(state, Optional.of(result), Duration.ZERO);
    }

    private static RunOutcome outcomeOf(String status, FollowState state) {
        switch (status) {
            case "Completed":
                return RunOutcome.COMPLETED;
            case "Failed":
                return RunOutcome.FAILED;
            default:
                return state.stopState() == StopState.SENT ? RunOutcome.STOPPED_ON_REQUEST : RunOutcome.STOPPED_BY_OTHERS;
        }
    }

    private static RunOutcome stopOutcome(FollowState state) {
        return state.stopState() == StopState.NOT_NEEDED ? RunOutcome.STOPPED_BY_OTHERS : RunOutcome.STOPPED_ON_REQUEST;
    }

    private static TrainingRunException failure(String operation, String jobName, SdkException e) {
        return new TrainingRunException(operation + " failed for training job " + jobName + ": " + AwsErrors.describe(e),
                AwsErrors.errorCode(e), e);
    }

    /** Calls the SDK with the interrupt flag cleared, because the SDK aborts calls on interrupted threads. */
    private static <T> T uninterruptibly(Supplier<T> call) {
        boolean interrupted = Thread.interrupted();
        try {
            return call.get();
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
