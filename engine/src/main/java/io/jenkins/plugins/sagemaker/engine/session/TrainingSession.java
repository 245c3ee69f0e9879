package io.jenkins.plugins.sagemaker.engine.session;

import io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmPreflight;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientFactory;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientSettings;
import io.jenkins.plugins.sagemaker.engine.logs.LogLineSink;
import io.jenkins.plugins.sagemaker.engine.logs.LogPosition;
import io.jenkins.plugins.sagemaker.engine.logs.LogRelay;
import io.jenkins.plugins.sagemaker.engine.logs.LogRelayOptions;
import io.jenkins.plugins.sagemaker.engine.run.Cancellation;
import io.jenkins.plugins.sagemaker.engine.run.JobFollower;
import io.jenkins.plugins.sagemaker.engine.run.JobSubmitter;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.run.PollResult;
import io.jenkins.plugins.sagemaker.engine.run.RunResult;
import io.jenkins.plugins.sagemaker.engine.run.RunSettings;
import io.jenkins.plugins.sagemaker.engine.run.SubmittedJob;
import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.upload.ArtifactDownloader;
import io.jenkins.plugins.sagemaker.engine.upload.ChannelUpload;
import io.jenkins.plugins.sagemaker.engine.upload.S3Prefix;
import io.jenkins.plugins.sagemaker.engine.upload.UploadSettings;
import io.jenkins.plugins.sagemaker.engine.upload.WorkspaceChannels;
import io.jenkins.plugins.sagemaker.engine.upload.WorkspaceUploader;
import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.ProgressSink;
import io.jenkins.plugins.sagemaker.engine.upload.agent.TransferCancelledException;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspaceAgent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * One training run against one set of AWS clients: submit, then poll the job's status and its
 * CloudWatch log together. Front ends use it in two ways:
 *
 * <ul>
 *   <li>step by step, with {@link #poll}, keeping only the serializable {@link JobTracking} between
 *       steps: the Jenkins pipeline step runs each poll as a task on a shared scheduler;</li>
 *   <li>blocking, with {@link #run} or {@link #followToEnd}: the freestyle step and the command-line
 *       runner, where a cancel or an interrupt of the calling thread stops the job.</li>
 * </ul>
 *
 * <p>When the job ends, the rest of its log is printed before the final status and result, because a
 * failed job's reason is usually in its last log lines.
 */
public final class TrainingSession implements AutoCloseable {

    private final AwsClientFactory clients;
    private final boolean ownsFactory;
    private final SageMakerClient sageMaker;
    private final CloudWatchLogsClient logs;
    private final RunSettings runSettings;
    private final LogRelayOptions logOptions;
    private final JobFollower follower;

    private TrainingSession(AwsClientFactory clients, boolean ownsFactory, RunSettings runSettings,
            LogRelayOptions logOptions) {
        this.clients = clients;
        this.ownsFactory = ownsFactory;
        this.sageMaker = clients.sageMaker();
        this.logs = clients.cloudWatchLogs();
        this.runSettings = runSettings;
        this.logOptions = logOptions;
        this.follower = new JobFollower(sageMaker, runSettings);
    }

    /** Opens a session with its own AWS clients, closed by {@link #close()}. */
    public static TrainingSession open(AwsClientSettings settings, RunSettings runSettings, LogRelayOptions logOptions) {
        return new TrainingSession(AwsClientFactory.create(settings), true, runSettings, logOptions);
    }

    /**
     * Opens a session with its own AWS clients and the default run settings, polling every
     * {@code pollIntervalSeconds} and backing off to {@code maxPollIntervalSeconds} while nothing
     * changes.
     *
     * @param expectedStreams the job's instance count, the number of log streams to look for
     */
    public static TrainingSession open(AwsClientSettings settings, int pollIntervalSeconds, int maxPollIntervalSeconds,
            int expectedStreams) {
        RunSettings runSettings = RunSettings.builder()
                .pollInterval(Duration.ofSeconds(pollIntervalSeconds))
                .maxPollInterval(Duration.ofSeconds(Math.max(pollIntervalSeconds, maxPollIntervalSeconds)))
                .build();
        return open(settings, runSettings, LogRelayOptions.defaults().withExpectedStreams(expectedStreams));
    }

    /** Opens a session on a client factory that the caller owns and closes after the session. */
    public static TrainingSession using(AwsClientFactory clients, RunSettings runSettings, LogRelayOptions logOptions) {
        return new TrainingSession(clients, false, runSettings, logOptions);
    }

    public AwsClientFactory clients() {
        return clients;
    }

    /** Returns the session's SageMaker client, closed with the session. */
    public SageMakerClient sageMaker() {
        return sageMaker;
    }

    /**
     * Checks a job that names an algorithm against the algorithm's training specification
     * (DescribeAlgorithm), prints the hyperparameter defaults it applies, and turns network isolation on
     * for an AWS Marketplace algorithm when it was not set. A job with a training image, or one already
     * checked, is returned as it is.
     *
     * @throws io.jenkins.plugins.sagemaker.engine.validation.InvalidSpecException listing every
     *     mismatch, with the values the algorithm accepts
     */
    public PreparedJob checkAlgorithm(PreparedJob job, LogSink sink) {
        if (job.isAlgorithmChecked()) {
            return job;
        }
        TrainingJobSpec checked = new AlgorithmPreflight(sageMaker).prepare(job.spec(), sink);
        return job.withCheckedSpec(checked);
    }

    /**
     * Uploads the files of every workspace channel to its S3 prefix, where the workspace is (through
     * {@code agent}, which has no AWS credentials), and returns the job with those channels reading
     * the prefixes. Unchanged files already stored there are skipped. A job without workspace channels
     * is returned as it is.
     *
     * @throws io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspacePathException when a path is
     *     missing, empty or leads outside the workspace; nothing was uploaded for that channel
     * @throws io.jenkins.plugins.sagemaker.engine.upload.agent.TransferCancelledException when cancelled;
     *     open multipart uploads were aborted, and the job must not be submitted
     */
    public PreparedJob uploadWorkspaceChannels(PreparedJob job, WorkspaceAgent agent, LogSink sink,
            ProgressSink progress, CancellationToken cancel) throws IOException {
        TrainingJobSpec spec = job.spec();
        if (!WorkspaceChannels.any(spec)) {
            return job;
        }
        try (S3Client s3 = clients.s3(); S3Presigner presigner = clients.s3Presigner()) {
            WorkspaceUploader uploader = new WorkspaceUploader(s3, presigner, UploadSettings.defaults());
            for (ChannelSpec channel : spec.getChannels()) {
                if (!channel.isFromWorkspace()) {
                    continue;
                }
                S3Prefix destination = WorkspaceChannels.destination(spec, channel, job.jobName());
                sink.info("Uploading workspace path " + channel.getLocalPath() + " for channel " + channel.getName()
                        + " to " + destination.uri() + ".");
                // The uploader reports files, bytes and skipped files through the progress sink.
                uploader.upload(new ChannelUpload(channel.getName(), channel.getLocalPath(), destination), agent,
                        progress, cancel);
            }
        }
        return job.withUploadedChannels(WorkspaceChannels.resolve(spec, job.jobName()));
    }

    /**
     * Downloads a completed job's model artifact ({@code model.tar.gz}) into a workspace folder, and with
     * {@code outputData} also {@code output.tar.gz}, which SageMaker writes next to it from the
     * container's {@code /opt/ml/output/data}. The files go through {@code agent}, so they land where
     * the workspace is. A missing output.tar.gz is a warning: many algorithms write none.
     *
     * @param folder workspace folder, relative to the workspace, that receives the files
     * @throws IllegalStateException when the job has no model artifact
     */
    public void downloadArtifacts(RunResult result, String folder, boolean outputData, WorkspaceAgent agent,
            LogSink sink, ProgressSink progress, CancellationToken cancel) throws IOException {
        String model = result.modelArtifactsUri().orElseThrow(() -> new IllegalStateException(
                "Training job " + result.jobName() + " has no model artifact to download."));
        String target = folder.endsWith("/") ? folder : folder + "/";
        try (S3Client s3 = clients.s3(); S3Presigner presigner = clients.s3Presigner()) {
            ArtifactDownloader downloader = new ArtifactDownloader(s3, presigner, UploadSettings.defaults());
            downloader.download(model, target + "model.tar.gz", agent, progress, cancel);
            if (outputData && model.endsWith("/model.tar.gz")) {
                String output = model.substring(0, model.length() - "model.tar.gz".length()) + "output.tar.gz";
                try {
                    downloader.download(output, target + "output.tar.gz", agent, progress, cancel);
                } catch (TransferCancelledException e) {
                    throw e;
                } catch (IOException e) {
                    sink.warn("No output data to download at " + output + ": " + e.getMessage());
                }
            }
        }
    }

    /**
     * Sends CreateTrainingJob, or adopts the job that the same run id created before a lost response
     * or a restart. Call {@link #checkAlgorithm} first: this method sends the job as it is.
     *
     * @throws CancellationException if {@code cancel} was cancelled before anything was sent
     */
    public SubmittedJob submit(PreparedJob job, LogSink sink, Cancellation cancel) {
        return new JobSubmitter(sageMaker, runSettings).submit(job.request(), job.runId(), sink, cancel);
    }

    /** Returns the tracking before the first poll of {@code jobName}. */
    public JobTracking startTracking(String jobName) {
        return new JobTracking(follower.start(jobName), LogPosition.start());
    }

    /**
     * Makes one poll: DescribeTrainingJob (and StopTrainingJob once, when the tracking requests a stop),
     * then the log lines that are new. Once the job has ended, its log is read to the end before the
     * final status lines are printed.
     */
    public SessionStep poll(JobTracking tracking, LogSink status, LogLineSink containerLog) {
        BufferedSink summary = new BufferedSink();
        PollResult polled = follower.poll(tracking.follow(), status, summary);
        LogRelay relay = new LogRelay(logs, tracking.jobName(), logOptions);
        Instant now = runSettings.clock().instant();

        LogPosition position = polled.isDone()
                ? relay.drain(tracking.logs(), containerLog, now)
                : relay.poll(tracking.logs(), containerLog, now);
        summary.replayTo(status);
        return new SessionStep(new JobTracking(polled.next(), position), polled.result(), polled.nextDelay());
    }

    /**
     * Checks the job against its algorithm, submits it and follows it to its end on the calling thread.
     *
     * @throws CancellationException if cancelled before any job was created
     * @throws io.jenkins.plugins.sagemaker.engine.validation.InvalidSpecException if the job does not fit
     *     its algorithm; nothing was submitted then
     */
    public RunResult run(PreparedJob job, LogSink status, LogLineSink containerLog, Cancellation cancel) {
        if (cancel.isCancelled()) {
            throw new CancellationException("The run was cancelled before training job " + job.jobName() + " was created.");
        }
        SubmittedJob submitted = submit(checkAlgorithm(job, status), status, cancel);
        return followToEnd(startTracking(submitted.jobName()), status, containerLog, cancel);
    }

    /**
     * Polls until the job ends, on the calling thread. A cancel or an interrupt sends StopTrainingJob
     * once and then waits, bounded by {@link RunSettings#stopTimeout()}, for Stopped.
     */
    public RunResult followToEnd(JobTracking tracking, LogSink status, LogLineSink containerLog, Cancellation cancel) {
        LogPosition[] logs = {tracking.logs()};
        return follower.followUntilDone(tracking.follow(), status, cancel, state -> {
            SessionStep step = poll(new JobTracking(state, logs[0]), status, containerLog);
            logs[0] = step.next().logs();
            return new PollResult(step.next().follow(), step.result(), step.nextDelay());
        });
    }

    @Override
    public void close() {
        sageMaker.close();
        logs.close();
        if (ownsFactory) {
            clients.close();
        }
    }

    /** Holds an ended job's summary lines, so that they follow the rest of the job's log. */
    private static final class BufferedSink implements LogSink {

        private final List<Line> lines = new ArrayList<>();

        @Override
        public void info(String line) {
            lines.add(new Line(false, line));
        }

        @Override
        public void warn(String line) {
            lines.add(new Line(true, line));
        }

        void replayTo(LogSink sink) {
            for (Line line : lines) {
                if (line.warning()) {
                    sink.warn(line.text());
                } else {
                    sink.info(line.text());
                }
            }
            lines.clear();
        }

        private record Line(boolean warning, String text) {
        }
    }
}
