package io.jenkins.plugins.sagemaker.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.AbstractProject;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import io.jenkins.plugins.sagemaker.action.TrainingRunAction;
import io.jenkins.plugins.sagemaker.config.StoppedJobResult;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import io.jenkins.plugins.sagemaker.connection.AwsCredentialsLookup;
import io.jenkins.plugins.sagemaker.engine.logs.LogLineSink;
import io.jenkins.plugins.sagemaker.engine.logs.LogPosition;
import io.jenkins.plugins.sagemaker.engine.run.Cancellation;
import io.jenkins.plugins.sagemaker.engine.run.FollowState;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.run.RunResult;
import io.jenkins.plugins.sagemaker.engine.run.SubmittedJob;
import io.jenkins.plugins.sagemaker.engine.run.TrainingRunException;
import io.jenkins.plugins.sagemaker.run.ConsoleSinks;
import io.jenkins.plugins.sagemaker.run.Outcomes;
import io.jenkins.plugins.sagemaker.run.PreparedRun;
import io.jenkins.plugins.sagemaker.run.TrainingSession;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.DataBoundConstructor;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Freestyle build step that trains one SageMaker job and waits for its end on the executor thread.
 * Aborting the build stops the training job and waits, bounded, for Stopped.
 */
public final class SageMakerTrainingBuilder extends Builder implements SimpleBuildStep {

    private final TrainingJobConfig config;

    @DataBoundConstructor
    public SageMakerTrainingBuilder(TrainingJobConfig config) {
        this.config = config == null ? new TrainingJobConfig() : config;
    }

    public TrainingJobConfig getConfig() {
        return config;
    }

    /** Channels come from S3, so the step runs without a workspace. */
    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        PreparedRun prepared = PreparedRun.prepare(config, run);
        if (config.isDryRun()) {
            prepared.printDryRun(listener);
            return;
        }
        AwsCredentialsProvider credentials = AwsCredentialsLookup.forRun(run, config.getCredentialsId());
        LogSink status = ConsoleSinks.status(listener);
        LogLineSink containerLog = ConsoleSinks.containerLog(listener);

        try (TrainingSession session = TrainingSession.open(prepared.connection().toClientSettings(credentials),
                config.getPollIntervalSeconds(), config.getMaxPollIntervalSeconds())) {
            SubmittedJob job = submit(session, prepared, status);
            FollowedRun followed = follow(session, job, status, containerLog, listener);
            run.addAction(new TrainingRunAction(job, prepared.connection().region(), followed.result));
            finish(run, listener, followed);
        } catch (TrainingRunException | IllegalArgumentException e) {
            throw new AbortException(e.getMessage());
        }
    }

    private static SubmittedJob submit(TrainingSession session, PreparedRun prepared, LogSink status)
            throws InterruptedException {
        try {
            return session.submit(prepared.request(), prepared.runId(), status, new Cancellation());
        } catch (CancellationException e) {
            // The build was aborted before CreateTrainingJob was sent, so nothing runs in AWS.
            throw new InterruptedException(e.getMessage());
        }
    }

    /**
     * Polls until the job ends. An interrupt (build abort, timeout) turns into one stop request; later
     * interrupts are ignored so the bounded wait for Stopped runs to its end.
     */
    private static FollowedRun follow(TrainingSession session, SubmittedJob job, LogSink status,
            LogLineSink containerLog, TaskListener listener) {
        FollowState state = session.startFollowing(job.jobName());
        LogPosition position = LogPosition.start();
        boolean aborted = Thread.interrupted();
        if (aborted) {
            state = state.withStopRequested(Instant.now());
        }
        while (true) {
            TrainingSession.Progress progress = session.poll(state, position, status, containerLog);
            state = progress.poll().next();
            position = progress.logPosition();
            if (progress.poll().result().isPresent()) {
                return new FollowedRun(progress.poll().result().get());
            }
            try {
                Thread.sleep(progress.poll().nextDelay().toMillis());
            } catch (InterruptedException e) {
                if (!aborted) {
                    aborted = true;
                    listener.getLogger().println("[SageMaker] Build aborted: stopping training job " + job.jobName() + ".");
                    state = state.withStopRequested(Instant.now());
                }
            }
        }
    }

    private void finish(Run<?, ?> run, TaskListener listener, FollowedRun followed)
            throws InterruptedException, AbortException {
        RunResult result = followed.result;
        switch (result.outcome()) {
            case COMPLETED:
                return;
            case FAILED:
                throw new AbortException(Outcomes.failureMessage(result));
            case STOPPED_ON_REQUEST:
                listener.getLogger().println("[SageMaker] " + Outcomes.stoppedOnRequestMessage(result));
                // The executor already holds ABORTED from the interrupt; rethrowing keeps it.
                throw new InterruptedException(Outcomes.stoppedOnRequestMessage(result));
            case STOPPED_BY_OTHERS:
            default:
                StoppedJobResult stopped = StoppedJobResult.parse(config.getResultWhenStopped());
                listener.getLogger().println("[SageMaker] " + Outcomes.stoppedByOthersMessage(result, stopped));
                run.setResult(stopped.result());
                if (stopped != StoppedJobResult.UNSTABLE) {
                    throw new AbortException(Outcomes.stoppedByOthersMessage(result, stopped));
                }
        }
    }

    private record FollowedRun(RunResult result) {
    }

    @Extension
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @NonNull
        @Override
        public String getDisplayName() {
            return "Train a model with Amazon SageMaker";
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }
    }
}
