package io.jenkins.plugins.sagemaker.engine.session;

import io.jenkins.plugins.sagemaker.engine.logs.LogPosition;
import io.jenkins.plugins.sagemaker.engine.run.FollowState;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * The state a run keeps between two polls of its job: the status follower's state and the read
 * position of every log stream. Both are small and serializable, so a Jenkins pipeline step persists
 * this value and a resumed step goes on without a gap or a repeated line.
 *
 * @param follow state of the status follower
 * @param logs read position of the job's CloudWatch log streams
 */
public record JobTracking(FollowState follow, LogPosition logs) implements Serializable {

    private static final long serialVersionUID = 1L;

    public JobTracking {
        Objects.requireNonNull(follow, "follow");
        Objects.requireNonNull(logs, "logs");
    }

    public String jobName() {
        return follow.jobName();
    }

    /** Returns a copy whose next poll sends StopTrainingJob; safe to call more than once. */
    public JobTracking withStopRequested(Instant now) {
        return new JobTracking(follow.withStopRequested(now), logs);
    }
}
