package io.jenkins.plugins.sagemaker.freestyle;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Project;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.BuildStepMonitor;
import hudson.tasks.Builder;
import hudson.util.FormValidation;
import io.jenkins.plugins.sagemaker.action.TrainingRunAction;
import io.jenkins.plugins.sagemaker.config.StoppedJobResult;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import io.jenkins.plugins.sagemaker.connection.AwsCredentialsLookup;
import io.jenkins.plugins.sagemaker.engine.dryrun.DryRunReport;
import io.jenkins.plugins.sagemaker.engine.logs.LogLineSink;
import io.jenkins.plugins.sagemaker.engine.run.Cancellation;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.run.RunResult;
import io.jenkins.plugins.sagemaker.engine.run.SubmittedJob;
import io.jenkins.plugins.sagemaker.engine.run.TrainingRunException;
import io.jenkins.plugins.sagemaker.engine.session.PreparedJob;
import io.jenkins.plugins.sagemaker.engine.session.TrainingSession;
import io.jenkins.plugins.sagemaker.engine.upload.WorkspaceChannels;
import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.TransferCancelledException;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspacePathException;
import io.jenkins.plugins.sagemaker.run.ConsoleSinks;
import io.jenkins.plugins.sagemaker.run.Outcomes;
import io.jenkins.plugins.sagemaker.run.PreparedRun;
import io.jenkins.plugins.sagemaker.run.RemoteWorkspaceAgent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.model.Jenkins;
import jenkins.tasks.SimpleBuildStep;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.verb.POST;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Freestyle build step that trains one SageMaker job and waits for its end on the executor thread.
 * Aborting the build stops the training job and waits, bounded, for Stopped.
 */
public final class SageMakerTrainingBuilder extends Builder implements SimpleBuildStep {

    private static final Logger LOGGER = Logger.getLogger(SageMakerTrainingBuilder.class.getName());

    private static final LogSink SILENT = new LogSink() {
        @Override
        public void info(String line) {
        }

        @Override
        public void warn(String line) {
        }
    };

    private final TrainingJobConfig config;

    @DataBoundConstructor
    public SageMakerTrainingBuilder(TrainingJobConfig config) {
        this.config = config == null ? new TrainingJobConfig() : config;
    }

    public TrainingJobConfig getConfig() {
        return config;
    }

    /** Needs a workspace only to upload a channel's workspace path or to download the model. */
    @Override
    public boolean requiresWorkspace() {
        return config.needsWorkspace();
    }

    @Override
    public BuildStepMonitor getRequiredMonitorService() {
        return BuildStepMonitor.NONE;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull FilePath workspace, @NonNull EnvVars env,
            @NonNull Launcher launcher, @NonNull TaskListener listener) throws InterruptedException, IOException {
        train(run, workspace, listener);
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        train(run, null, listener);
    }

    private void train(Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws InterruptedException, IOException {
        try {
            checkOrTrain(run, workspace, listener);
        } catch (AbortedException e) {
            // The SDK throws this when the executor is interrupted during a call, such as DescribeAlgorithm.
            throw new InterruptedException("Build aborted during a call to AWS: " + e.getMessage());
        } catch (SdkException e) {
            // Any other SDK failure, such as a missing bucket during the upload, ends the build with its message.
            throw new AbortException("An AWS call failed: " + e.getMessage());
        }
    }

    private void checkOrTrain(Run<?, ?> run, FilePath workspace, TaskListener listener)
            throws InterruptedException, IOException {
        PreparedRun prepared = PreparedRun.prepare(config, run);
        AwsCredentialsProvider credentials = AwsCredentialsLookup.forRun(run, config.getCredentialsId());
        LogSink status = ConsoleSinks.status(listener);
        if (config.isDryRun()) {
            DryRunReport report = prepared.dryRun(credentials, status,
                    RemoteWorkspaceAgent.ofNullable(workspace, listener));
            if (!report.passed()) {
                throw new AbortException(PreparedRun.dryRunFailure(report));
            }
            return;
        }
        LogLineSink containerLog = ConsoleSinks.containerLog(listener);

        try (TrainingSession session = TrainingSession.open(prepared.connection().toClientSettings(credentials),
                config.getPollIntervalSeconds(), config.getMaxPollIntervalSeconds(), config.getInstanceCount())) {
            PreparedJob checked = session.checkAlgorithm(prepared.job(), status);
            PreparedJob uploaded = upload(session, checked, workspace, status, listener);
            SubmittedJob job = submit(session, uploaded, status);
            // An abort interrupts this thread: the engine then sends StopTrainingJob once and waits,
            // bounded, for Stopped. It restores the interrupt flag before it returns.
            RunResult result;
            try {
                result = session.followToEnd(session.startTracking(job.jobName()), status, containerLog,
                        new Cancellation());
            } catch (RuntimeException e) {
                listener.getLogger().println("[SageMaker] " + Outcomes.mayStillRunMessage(job));
                throw e;
            }
            run.addAction(new TrainingRunAction(job, prepared.connection().region(), result));
            if (result.isSuccess() && config.getModelDownloadPath() != null) {
                download(session, result, workspace, status, listener);
            }
            finish(run, listener, result);
        } catch (TrainingRunException | IllegalArgumentException e) {
            // IllegalArgumentException includes InvalidSpecException: the job does not fit its algorithm.
            throw new AbortException(e.getMessage());
        }
    }

    /** Uploads the workspace channels from the agent; an abort or a path error ends the build before CreateTrainingJob. */
    private static PreparedJob upload(TrainingSession session, PreparedJob job, FilePath workspace, LogSink status,
            TaskListener listener) throws IOException, InterruptedException {
        if (!WorkspaceChannels.any(job.spec())) {
            return job;
        }
        if (workspace == null) {
            throw new AbortException("A channel names a workspace path, but this step runs without a workspace.");
        }
        try {
            return session.uploadWorkspaceChannels(job, new RemoteWorkspaceAgent(workspace, listener), status,
                    line -> listener.getLogger().println("[SageMaker] " + line), new CancellationToken());
        } catch (TransferCancelledException e) {
            throw new InterruptedException("Upload stopped; CreateTrainingJob was not sent.");
        } catch (WorkspacePathException e) {
            throw new AbortException(e.getMessage());
        }
    }

    private void download(TrainingSession session, RunResult result, FilePath workspace, LogSink status,
            TaskListener listener) throws IOException, InterruptedException {
        if (workspace == null) {
            throw new AbortException("modelDownloadPath is set, but this step runs without a workspace.");
        }
        try {
            session.downloadArtifacts(result, config.getModelDownloadPath(), config.isDownloadOutputData(),
                    new RemoteWorkspaceAgent(workspace, listener), status,
                    line -> listener.getLogger().println("[SageMaker] " + line), new CancellationToken());
        } catch (TransferCancelledException e) {
            throw new InterruptedException("Model download stopped.");
        }
    }

    private static SubmittedJob submit(TrainingSession session, PreparedJob job, LogSink status)
            throws InterruptedException {
        try {
            return session.submit(job, status, new Cancellation());
        } catch (CancellationException e) {
            // The build was aborted before CreateTrainingJob was sent, so nothing runs in AWS.
            throw new InterruptedException(e.getMessage());
        }
    }

    private void finish(Run<?, ?> run, TaskListener listener, RunResult result)
            throws InterruptedException, AbortException {
        switch (result.outcome()) {
            case COMPLETED:
                return;
            case FAILED:
                throw new AbortException(Outcomes.failureMessage(result));
            case STOPPED_ON_REQUEST:
                listener.getLogger().println("[SageMaker] " + Outcomes.stoppedOnRequestMessage(result));
                // The executor already holds ABORTED from the interrupt; rethrowing keeps it.
                Thread.interrupted();
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

        /**
         * Runs the dry run's checks on the configuration of this step as last saved in {@code item}, for
         * the "Check configuration" button: specification, algorithm, input data and output bucket.
         * The button cannot send the form's channel and hyperparameter lists, so unsaved edits are not
         * checked. It needs the Configure permission, because it calls AWS with the item's credentials.
         */
        @POST
        public FormValidation doCheckConfiguration(@AncestorInPath Item item) {
            if (item == null) {
                Jenkins.get().checkPermission(Jenkins.ADMINISTER);
                return FormValidation.warning("Save the job first: the check reads the saved configuration of a job.");
            }
            item.checkPermission(Item.CONFIGURE);
            if (!(item instanceof Project<?, ?> project)) {
                return FormValidation.warning("The check reads freestyle jobs only. In a Pipeline, run sagemakerTrain "
                        + "with dryRun: true.");
            }
            List<SageMakerTrainingBuilder> steps = project.getBuildersList().getAll(SageMakerTrainingBuilder.class);
            if (steps.isEmpty()) {
                return FormValidation.warning("Save the job first: the check reads the saved configuration of a job.");
            }
            List<FormValidation> results = new ArrayList<>();
            for (SageMakerTrainingBuilder step : steps) {
                results.add(check(step.getConfig(), item));
            }
            return FormValidation.aggregate(results);
        }

        private static FormValidation check(TrainingJobConfig config, Item item) {
            PreparedRun prepared;
            try {
                prepared = PreparedRun.prepareCheck(config, item);
            } catch (AbortException e) {
                return FormValidation.error(e.getMessage());
            }
            DryRunReport report;
            try {
                // The form shows only the findings, which the report carries; the printed lines are dropped.
                // The button has no workspace, so workspace paths are reported as not checked.
                report = prepared.dryRun(AwsCredentialsLookup.forItem(item, config.getCredentialsId()), SILENT, null);
            } catch (RuntimeException e) {
                LOGGER.log(Level.WARNING, "Check configuration failed for " + item.getFullName(), e);
                return FormValidation.error("The check of training job " + prepared.jobName() + " failed: "
                        + e.getMessage());
            }
            if (!report.passed()) {
                List<FormValidation> problems = new ArrayList<>();
                int count = report.problems().size();
                problems.add(FormValidation.error("Training job " + prepared.jobName() + " has " + count
                        + (count == 1 ? " problem:" : " problems:")));
                report.problems().forEach(problem -> problems.add(FormValidation.error(problem.message())));
                return FormValidation.aggregate(problems);
            }
            if (!report.warnings().isEmpty()) {
                return FormValidation.warning("No problems found in training job " + prepared.jobName()
                        + ", but some checks could not run: " + String.join(" ", report.warnings()));
            }
            return FormValidation.ok("No problems found in training job " + prepared.jobName()
                    + ": the configuration, the algorithm and the S3 locations were checked.");
        }
    }
}
