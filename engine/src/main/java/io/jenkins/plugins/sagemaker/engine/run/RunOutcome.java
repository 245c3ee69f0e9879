package io.jenkins.plugins.sagemaker.engine.run;

/** Outcome of a training run. Only {@link #COMPLETED} counts as success. */
public enum RunOutcome {
    /** TrainingJobStatus Completed. */
    COMPLETED,
    /** TrainingJobStatus Failed; see the failure reason. */
    FAILED,
    /** Stopped because this run was cancelled and sent StopTrainingJob. */
    STOPPED_ON_REQUEST,
    /**
     * Stopped without a request from this run: SecondaryStatus MaxRuntimeExceeded (or
     * MaxWaitTimeExceeded) when the stopping condition ended it, Stopped when someone stopped it,
     * for example from the AWS console.
     */
    STOPPED_BY_OTHERS
}
