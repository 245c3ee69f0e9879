package io.jenkins.plugins.sagemaker.pipeline;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.FilePath;
import hudson.model.Computer;
import hudson.model.Result;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.sagemaker.action.TrainingRunAction;
import io.jenkins.plugins.sagemaker.config.StoppedJobResult;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import io.jenkins.plugins.sagemaker.connection.AwsCredentialsLookup;
import io.jenkins.plugins.sagemaker.connection.ConnectionSettings;
import io.jenkins.plugins.sagemaker.engine.dryrun.DryRunReport;
import io.jenkins.plugins.sagemaker.engine.run.Cancellation;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.run.RunOutcome;
import io.jenkins.plugins.sagemaker.engine.run.RunResult;
import io.jenkins.plugins.sagemaker.engine.run.SubmittedJob;
import io.jenkins.plugins.sagemaker.engine.session.JobTracking;
import io.jenkins.plugins.sagemaker.engine.session.SessionStep;
import io.jenkins.plugins.sagemaker.engine.session.TrainingSession;
import io.jenkins.plugins.sagemaker.engine.upload.WorkspaceChannels;
import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.TransferCancelledException;
import io.jenkins.plugins.sagemaker.run.ConsoleSinks;
import io.jenkins.plugins.sagemaker.run.Outcomes;
import io.jenkins.plugins.sagemaker.run.PreparedRun;
import io.jenkins.plugins.sagemaker.run.RemoteWorkspaceAgent;
import io.jenkins.plugins.sagemaker.run.RunResults;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import jenkins.util.Timer;
import org.jenkinsci.plugins.workflow.steps.FlowInterruptedException;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;

/**
 * Resumable execution of {@code sagemakerTrain}. Each step of the run (algorithm check and submit, one
 * poll) is one task: Jenkins' shared {@link Timer} waits out the delay, then hands the task to
 * {@link Computer#threadPoolForRemoting}, so no thread waits for a running job, the CPS thread never
 * blocks, and a long workspace upload or model download keeps none of the timer's few threads busy.
 * Persisted fields are small: the prepared run (specification, job name, run id, connection ids; the
 * specification is dropped once the job exists), the phase, and the engine's job tracking (follow
 * state and log position). After a controller restart {@link #onResume()} re-arms the timer. A
 * submission that may have reached AWS is sent again with the same run id, which the engine adopts
 * instead of creating a second job.
 */
final class TrainingStepExecution extends StepExecution {

    private static final long serialVersionUID = 1L;

    private static final Logger LOGGER = Logger.getLogger(TrainingStepExecution.class.getName());

    /** Progress of the run; persisted with the program so a restart resumes at the same point. */
    enum Phase {
        /** A dry run: checks and the printed request, never CreateTrainingJob. */
        DRY_RUN,
        /** The run id is saved; CreateTrainingJob may or may not have reached AWS. The algorithm check runs once first. */
        SUBMITTING,
        /** The job exists; polls follow it. */
        FOLLOWING,
        /**
         * The job completed and its result is saved, and the model is being downloaded. A restart downloads
         * again without polling, so the job's summary is not printed twice. A restart before this phase is
         * saved polls once more and prints it again.
         */
        DOWNLOADING,
        /** The step has completed. */
        DONE
    }

    private final int pollIntervalSeconds;
    private final int maxPollIntervalSeconds;
    private final int instanceCount;
    private final String modelDownloadPath;
    private final boolean downloadOutputData;
    private final String resultWhenStopped;
    private final String credentialsId;
    private final String region;

    private PreparedRun prepared;
    private ConnectionSettings connection;
    private Phase phase;
    private SubmittedJob job;
    private JobTracking tracking;
    /** The job's result, saved in {@link Phase#DOWNLOADING}. */
    private RunResult result;

    /** Set by {@link #stop}; applied by the next task as a stop request in {@link #tracking}. */
    private volatile boolean stopRequested;

    private transient volatile TrainingJobConfig config;
    private transient volatile Throwable stopCause;
    private transient volatile Cancellation submission;
    /** Cancels the workspace upload or model download in progress; set by {@link #stop}. */
    private transient volatile CancellationToken transfer;
    private transient ScheduledFuture<?> task;
    private transient boolean taskRunning;
    /** The thread of the upload or download in progress, which {@link #stop} interrupts; guarded by this. */
    private transient Thread transferThread;
    /**
     * Clients and credentials of this execution, opened by the first task and reused by every poll, so
     * credentials are looked up once rather than per poll. A restart opens a new session.
     */
    private transient TrainingSession session;

    TrainingStepExecution(SageMakerTrainStep step, StepContext context) {
        super(context);
        this.config = step.toConfig();
        this.pollIntervalSeconds = config.getPollIntervalSeconds();
        this.maxPollIntervalSeconds = config.getMaxPollIntervalSeconds();
        this.instanceCount = config.getInstanceCount();
        this.modelDownloadPath = config.getModelDownloadPath();
        this.downloadOutputData = config.isDownloadOutputData();
        this.resultWhenStopped = config.getResultWhenStopped();
        this.credentialsId = config.getCredentialsId();
        this.region = config.getRegion();
    }

    @Override
    public boolean start() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);

        // Validation and naming are pure computations, so they run here on the CPS thread.
        prepared = PreparedRun.prepare(config, run);
        connection = prepared.connection();
        if (config.isDryRun()) {
            // The dry run calls AWS, so it runs as a timer task like the submission.
            phase = Phase.DRY_RUN;
            schedule(0);
            return false;
        }

        // The run id is in the phase SUBMITTING before CreateTrainingJob is sent. Jenkins saves the
        // program after start() returns, possibly after the first task has begun: a restart before that
        // save starts the step again with a new run id (and a new job name if the name is derived).
        phase = Phase.SUBMITTING;
        schedule(0);
        return false;
    }

    @Override
    public void onResume() {
        if (phase == Phase.DONE || phase == null) {
            return;
        }
        schedule(0);
    }

    @Override
    public void stop(@NonNull Throwable cause) {
        stopCause = cause;
        stopRequested = true;
        Cancellation running = submission;
        if (running != null) {
            running.cancel();
        }
        CancellationToken transferring = transfer;
        if (transferring != null) {
            transferring.cancel();
        }
        synchronized (this) {
            // The token stops the controller's side between batches. The interrupt also ends the batch running
            // on the agent, because remoting cancels the remote call of an interrupted thread.
            if (transferThread != null) {
                transferThread.interrupt();
            }
        }
        // Runs the stop now instead of after the poll interval. A running task reads the flag when it
        // ends and schedules the next task at once.
        schedule(0);
    }

    @Override
    public String getStatus() {
        if (phase == Phase.DRY_RUN) {
            return "checking training job " + (prepared == null ? "" : prepared.jobName()) + " (dry run)";
        }
        if (phase == Phase.SUBMITTING) {
            return "submitting training job " + (prepared == null ? "" : prepared.jobName());
        }
        if (phase == Phase.DOWNLOADING) {
            return "downloading the model of training job " + job.jobName();
        }
        if (tracking != null) {
            return "following training job " + tracking.jobName() + ", last status " + tracking.follow().lastStatus()
                    + (stopRequested ? ", stop requested" : "");
        }
        return String.valueOf(phase);
    }

    private synchronized void schedule(long delayMillis) {
        if (phase == Phase.DONE) {
            return;
        }
        if (task != null && !taskRunning) {
            task.cancel(false);
        }
        task = Timer.get().schedule(() -> Computer.threadPoolForRemoting.submit(this::runTask), delayMillis,
                TimeUnit.MILLISECONDS);
    }

    /** One step of the run. At most one runs at a time; a task that finds another running returns at once. */
    private void runTask() {
        synchronized (this) {
            if (taskRunning || phase == Phase.DONE) {
                return;
            }
            taskRunning = true;
        }
        long nextDelayMillis = -1;
        try {
            nextDelayMillis = advance();
        } catch (Throwable e) {
            // Anything not handled as an outcome ends the step with its message. Errors are caught too,
            // because otherwise the step would wait forever.
            LOGGER.log(Level.WARNING, "sagemakerTrain failed", e);
            failed(e);
        } finally {
            synchronized (this) {
                taskRunning = false;
                if (nextDelayMillis >= 0) {
                    boolean stopPending = stopRequested && phase == Phase.FOLLOWING
                            && !tracking.follow().isStopRequested();
                    schedule(stopPending ? 0 : nextDelayMillis);
                }
            }
        }
    }

    /** Ends the step after an unexpected failure and reports whether a training job may still be running. */
    private void failed(Throwable e) {
        if (phase == Phase.FOLLOWING) {
            try {
                getContext().get(TaskListener.class).getLogger().println("[SageMaker] " + Outcomes.mayStillRunMessage(job));
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            } catch (IOException | RuntimeException consoleGone) {
                LOGGER.log(Level.FINE, "Console of sagemakerTrain unavailable", consoleGone);
            }
        }
        Throwable failure = e instanceof AbortException || e instanceof FlowInterruptedException ? e
                : new AbortException(e.getMessage() == null ? e.toString() : e.getMessage());
        complete(null, failure);
    }

    /** Runs the current phase once; returns the delay before the next task in milliseconds, or -1 when done. */
    private long advance() throws Exception {
        Run<?, ?> run = getContext().get(Run.class);
        TaskListener listener = getContext().get(TaskListener.class);
        if (phase == Phase.DRY_RUN) {
            return dryRun(run, listener);
        }
        if (phase == Phase.SUBMITTING && prepared == null) {
            throw new AbortException("The saved state of sagemakerTrain has no job to submit; run the build again.");
        }
        TrainingSession open = session();
        if (phase == Phase.SUBMITTING) {
            return submit(open, listener);
        }
        if (phase == Phase.DOWNLOADING) {
            return downloadAndFinish(open, run, listener);
        }
        return poll(open, run, listener);
    }

    /** Returns this execution's session, opening it (and recording the credentials' use) on first need. */
    private TrainingSession session() throws IOException, InterruptedException {
        TrainingSession open = session;
        if (open == null) {
            Run<?, ?> run = getContext().get(Run.class);
            open = TrainingSession.open(connection.toClientSettings(AwsCredentialsLookup.forRun(run, credentialsId)),
                    pollIntervalSeconds, maxPollIntervalSeconds, instanceCount);
            session = open;
        }
        return open;
    }

    private long dryRun(Run<?, ?> run, TaskListener listener) throws IOException, InterruptedException {
        FilePath workspace = getContext().get(FilePath.class);
        DryRunReport report = prepared.dryRun(AwsCredentialsLookup.forRun(run, credentialsId),
                ConsoleSinks.status(listener), RemoteWorkspaceAgent.ofNullable(workspace, listener));
        if (stopRequested) {
            complete(null, abortCause());
        } else if (report.passed()) {
            complete(RunResults.toDryRunMap(prepared.jobName(), report), null);
        } else {
            complete(null, new AbortException(PreparedRun.dryRunFailure(report)));
        }
        return -1;
    }

    private long submit(TrainingSession session, TaskListener listener) throws Exception {
        LogSink status = ConsoleSinks.status(listener);
        if (!prepared.job().isAlgorithmChecked()) {
            // DescribeAlgorithm: the checked job is saved, so a resumed submission neither repeats the
            // check nor prints the algorithm's defaults twice.
            prepared = prepared.withJob(session.checkAlgorithm(prepared.job(), status));
            getContext().saveState();
        }
        if (WorkspaceChannels.any(prepared.job().spec()) && !uploadWorkspaceChannels(session, status, listener)) {
            return -1;
        }
        Cancellation cancellation = new Cancellation();
        submission = cancellation;
        if (stopRequested) {
            cancellation.cancel();
        }
        try {
            job = session.submit(prepared.job(), status, cancellation);
        } catch (CancellationException e) {
            complete(null, abortCause());
            return -1;
        } finally {
            submission = null;
        }
        synchronized (this) {
            tracking = session.startTracking(job.jobName());
            phase = Phase.FOLLOWING;
            // The job exists, so the specification is not needed any more; keep the saved program small.
            prepared = null;
        }
        getContext().saveState();
        return 0;
    }

    /**
     * Uploads the workspace channels from the node that has the workspace and saves the job that reads
     * the uploaded prefixes. Returns false when the step has ended instead (stopped, or no workspace).
     */
    private boolean uploadWorkspaceChannels(TrainingSession session, LogSink status, TaskListener listener)
            throws Exception {
        FilePath workspace = getContext().get(FilePath.class);
        if (workspace == null) {
            complete(null, new AbortException("A channel names a workspace path (localPath), so sagemakerTrain "
                    + "must run inside a node block."));
            return false;
        }
        CancellationToken token = beginTransfer();
        boolean cancelled = false;
        try {
            prepared = prepared.withJob(session.uploadWorkspaceChannels(prepared.job(),
                    new RemoteWorkspaceAgent(workspace, listener), status,
                    line -> listener.getLogger().println("[SageMaker] " + line), token));
        } catch (TransferCancelledException e) {
            cancelled = true;
        } finally {
            endTransfer();
        }
        if (cancelled) {
            complete(null, abortCause());
            return false;
        }
        getContext().saveState();
        return true;
    }

    private long poll(TrainingSession session, Run<?, ?> run, TaskListener listener) throws Exception {
        if (stopRequested && !tracking.follow().isStopRequested()) {
            listener.getLogger().println("[SageMaker] Build aborted: stopping training job " + job.jobName() + ".");
            tracking = tracking.withStopRequested(Instant.now());
        }
        SessionStep step = session.poll(tracking, ConsoleSinks.status(listener), ConsoleSinks.containerLog(listener));
        tracking = step.next();
        // NOTE: lines printed by this poll and the saved state are not written atomically; a restart
        // between the two repeats this poll's lines once.
        getContext().saveState();
        if (step.result().isEmpty()) {
            return step.nextDelay().toMillis();
        }
        RunResult ended = step.result().get();
        if (ended.isSuccess() && modelDownloadPath != null && !stopRequested) {
            synchronized (this) {
                result = ended;
                phase = Phase.DOWNLOADING;
            }
            getContext().saveState();
            return downloadAndFinish(session, run, listener);
        }
        finish(run, listener, ended);
        return -1;
    }

    private long downloadAndFinish(TrainingSession session, Run<?, ?> run, TaskListener listener) throws Exception {
        if (downloadModel(session, result, listener)) {
            finish(run, listener, result);
        }
        return -1;
    }

    /** Downloads the model into the workspace; returns false when the step has ended instead. */
    private boolean downloadModel(TrainingSession session, RunResult result, TaskListener listener) throws Exception {
        FilePath workspace = getContext().get(FilePath.class);
        if (workspace == null) {
            complete(null, new AbortException("modelDownloadPath is set, so sagemakerTrain must run inside a node "
                    + "block; the model stays at " + result.modelArtifactsUri().orElse("(no model artifact)") + "."));
            return false;
        }
        CancellationToken token = beginTransfer();
        boolean cancelled = false;
        try {
            session.downloadArtifacts(result, modelDownloadPath, downloadOutputData,
                    new RemoteWorkspaceAgent(workspace, listener), ConsoleSinks.status(listener),
                    line -> listener.getLogger().println("[SageMaker] " + line), token);
        } catch (TransferCancelledException e) {
            cancelled = true;
        } finally {
            endTransfer();
        }
        if (cancelled) {
            complete(null, abortCause());
            return false;
        }
        return true;
    }

    /** Registers this thread's transfer with {@link #stop} and returns its token, already cancelled after a stop. */
    private CancellationToken beginTransfer() {
        CancellationToken token = new CancellationToken();
        transfer = token;
        synchronized (this) {
            transferThread = Thread.currentThread();
        }
        if (stopRequested) {
            token.cancel();
        }
        return token;
    }

    /** Ends the registration and clears the interrupt that a stop may have set on this pooled thread. */
    private void endTransfer() {
        transfer = null;
        synchronized (this) {
            transferThread = null;
        }
        Thread.interrupted();
    }

    private void finish(Run<?, ?> run, TaskListener listener, RunResult result) {
        run.addAction(new TrainingRunAction(job, region, result));
        if (stopRequested && result.outcome() != RunOutcome.STOPPED_ON_REQUEST) {
            // The job ended some other way before the stop reached it. The build was still aborted, so
            // the Pipeline must not go on to its next step.
            listener.getLogger().println("[SageMaker] Build aborted. Training job " + job.jobName()
                    + " had already ended as " + result.trainingJobStatus() + ".");
            complete(null, abortCause());
            return;
        }
        switch (result.outcome()) {
            case COMPLETED:
                complete(RunResults.toMap(job, result), null);
                return;
            case FAILED:
                complete(null, new AbortException(Outcomes.failureMessage(result)));
                return;
            case STOPPED_ON_REQUEST:
                listener.getLogger().println("[SageMaker] " + Outcomes.stoppedOnRequestMessage(result));
                complete(null, abortCause());
                return;
            case STOPPED_BY_OTHERS:
            default:
                StoppedJobResult stopped = StoppedJobResult.parse(resultWhenStopped);
                listener.getLogger().println("[SageMaker] " + Outcomes.stoppedByOthersMessage(result, stopped));
                if (stopped == StoppedJobResult.UNSTABLE) {
                    getContext().setResult(Result.UNSTABLE);
                    complete(RunResults.toMap(job, result), null);
                } else if (stopped == StoppedJobResult.ABORTED) {
                    complete(null, new FlowInterruptedException(Result.ABORTED, false));
                } else {
                    complete(null, new AbortException(Outcomes.stoppedByOthersMessage(result, stopped)));
                }
        }
    }

    /** Returns the cause given to {@link #stop}, or an ABORTED interruption after a restart lost it. */
    private Throwable abortCause() {
        Throwable cause = stopCause;
        return cause != null ? cause : new FlowInterruptedException(Result.ABORTED, true);
    }

    /** Serializes under the lock, so a saved program never contains half of an update to the fields above. */
    private synchronized void writeObject(ObjectOutputStream out) throws IOException {
        out.defaultWriteObject();
    }

    private void complete(@CheckForNull Object value, @CheckForNull Throwable failure) {
        synchronized (this) {
            if (phase == Phase.DONE) {
                return;
            }
            phase = Phase.DONE;
            prepared = null;
        }
        TrainingSession open = session;
        session = null;
        if (open != null) {
            open.close();
        }
        if (failure != null) {
            getContext().onFailure(failure);
        } else {
            getContext().onSuccess(value);
        }
    }
}
