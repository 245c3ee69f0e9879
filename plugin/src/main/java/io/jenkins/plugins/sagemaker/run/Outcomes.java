package io.jenkins.plugins.sagemaker.run;

import io.jenkins.plugins.sagemaker.config.StoppedJobResult;
import io.jenkins.plugins.sagemaker.engine.run.RunResult;
import io.jenkins.plugins.sagemaker.engine.run.SubmittedJob;

/** Messages and build results for the ways a training job can end; shared by both front ends. */
public final class Outcomes {

    private Outcomes() {
    }

    public static String failureMessage(RunResult result) {
        return "Training job " + result.jobName() + " failed: " + result.failureReason().orElse("SageMaker gave no reason")
                + ". See the job's log above or in the AWS console.";
    }

    public static String stoppedByOthersMessage(RunResult result, StoppedJobResult buildResult) {
        return "Training job " + result.jobName() + " ended Stopped (" + result.secondaryStatus()
                + ") without a stop from this build, for example MaxRuntimeExceeded or a stop in the AWS console; "
                + "the build result is " + buildResult.name() + " as resultWhenStopped sets.";
    }

    /** Returns the console line for a build that stopped following a job it did not see end. */
    public static String mayStillRunMessage(SubmittedJob job) {
        return "The build stopped following training job " + job.jobName() + ", which may still be running: "
                + job.consoleUrl();
    }

    public static String stoppedOnRequestMessage(RunResult result) {
        return result.stopPending()
                ? "StopTrainingJob was sent for training job " + result.jobName()
                        + " but the job did not report Stopped in time; check it in the AWS console."
                : "Training job " + result.jobName() + " was stopped because the build was aborted.";
    }
}
