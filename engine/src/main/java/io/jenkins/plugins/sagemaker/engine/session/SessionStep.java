package io.jenkins.plugins.sagemaker.engine.session;

import io.jenkins.plugins.sagemaker.engine.run.RunResult;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of one {@link TrainingSession#poll}: the tracking to keep, the result once the job has
 * ended, and the pause before the next poll.
 *
 * @param next tracking to pass to the next poll, and to persist
 * @param result the run's result once the job has ended and its log has been read to the end
 * @param nextDelay pause before the next poll; zero once the job has ended
 */
public record SessionStep(JobTracking next, Optional<RunResult> result, Duration nextDelay) {

    public SessionStep {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(nextDelay, "nextDelay");
    }

    public boolean isDone() {
        return result.isPresent();
    }
}
