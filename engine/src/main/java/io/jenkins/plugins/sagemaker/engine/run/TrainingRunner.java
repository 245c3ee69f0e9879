package io.jenkins.plugins.sagemaker.engine.run;

import java.util.concurrent.CancellationException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;

/**
 * Submits a training job and follows its status to the end on the calling thread, without its
 * CloudWatch log. Front ends use {@code engine.session.TrainingSession}, which adds the algorithm
 * check, workspace uploads and the log; this class serves the status-only tests of this package.
 */
public final class TrainingRunner {

    private final JobSubmitter submitter;
    private final JobFollower follower;

    public TrainingRunner(SageMakerClient client, RunSettings settings) {
        this.submitter = new JobSubmitter(client, settings);
        this.follower = new JobFollower(client, settings);
    }

    /**
     * Runs one training job.
     *
     * @throws CancellationException if cancelled before any job was created
     * @throws TrainingRunException if submission failed or AWS returned an error that retrying does not fix
     */
    public RunResult run(CreateTrainingJobRequest request, String runId, LogSink sink, Cancellation cancel) {
        SubmittedJob job = submitter.submit(request, runId, sink, cancel);
        return follower.followUntilDone(follower.start(job.jobName()), sink, cancel);
    }

    public JobSubmitter submitter() {
        return submitter;
    }

    public JobFollower follower() {
        return follower;
    }
}
