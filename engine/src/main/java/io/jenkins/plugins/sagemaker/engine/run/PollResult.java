package io.jenkins.plugins.sagemaker.engine.run;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Outcome of one {@link JobFollower#poll}.
 *
 * @param next state to keep and pass to the next poll
 * @param result the run's result once the job has ended, or the stop wait timed out
 * @param nextDelay how long to wait before the next poll; zero when a result is present
 */
public record PollResult(FollowState next, Optional<RunResult> result, Duration nextDelay) {

    public PollResult {
        Objects.requireNonNull(next, "next");
        Objects.requireNonNull(result, "result");
        Objects.requireNonNull(nextDelay, "nextDelay");
    }

    public boolean isDone() {
        return result.isPresent();
    }
}
