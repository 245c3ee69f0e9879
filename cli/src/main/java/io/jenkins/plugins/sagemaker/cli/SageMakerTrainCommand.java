package io.jenkins.plugins.sagemaker.cli;

import io.jenkins.plugins.sagemaker.cli.AwsEnvironment.CredentialsNotFoundException;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientFactory;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientSettings;
import io.jenkins.plugins.sagemaker.engine.description.ConnectionSettings;
import io.jenkins.plugins.sagemaker.engine.description.JobDescription;
import io.jenkins.plugins.sagemaker.engine.description.JobDescriptionException;
import io.jenkins.plugins.sagemaker.engine.description.RunOptions;
import io.jenkins.plugins.sagemaker.engine.dryrun.DryRun;
import io.jenkins.plugins.sagemaker.engine.dryrun.DryRunOptions;
import io.jenkins.plugins.sagemaker.engine.dryrun.DryRunReport;
import io.jenkins.plugins.sagemaker.engine.logs.LogLineSink;
import io.jenkins.plugins.sagemaker.engine.logs.LogRelayOptions;
import io.jenkins.plugins.sagemaker.engine.run.Cancellation;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.run.RunResult;
import io.jenkins.plugins.sagemaker.engine.run.RunSettings;
import io.jenkins.plugins.sagemaker.engine.run.TrainingRunException;
import io.jenkins.plugins.sagemaker.engine.session.PreparedJob;
import io.jenkins.plugins.sagemaker.engine.session.TrainingSession;
import io.jenkins.plugins.sagemaker.engine.upload.agent.CancellationToken;
import io.jenkins.plugins.sagemaker.engine.upload.agent.LocalWorkspaceAgent;
import io.jenkins.plugins.sagemaker.engine.upload.agent.ProgressSink;
import io.jenkins.plugins.sagemaker.engine.upload.agent.TransferCancelledException;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspaceAgent;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspacePathException;
import io.jenkins.plugins.sagemaker.engine.validation.InvalidSpecException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * {@code sagemaker-train}: runs one SageMaker training job described in a JSON or YAML file whose
 * argument names are those of the {@code sagemakerTrain} pipeline step, with the same console output
 * as a Jenkins build. Ctrl-C stops the job.
 */
@Command(name = "sagemaker-train", mixinStandardHelpOptions = true, version = "sagemaker-train 1.0",
        description = "Runs an Amazon SageMaker training job described in a JSON or YAML file, "
                + "with the argument names of the sagemakerTrain pipeline step.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the job completed, or the dry run found no problem",
            "1:the job failed, or the dry run found problems",
            "2:the job description or the command line is invalid",
            "3:the job was stopped outside this run (for example MaxRuntimeExceeded)",
            "4:an AWS call failed",
            "130:the run was interrupted (Ctrl-C) and the job stopped; after SIGTERM the JVM exits with 143"})
public final class SageMakerTrainCommand implements Callable<Integer> {

    static final int EXIT_COMPLETED = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_INVALID = 2;
    static final int EXIT_STOPPED = 3;
    static final int EXIT_AWS_ERROR = 4;
    static final int EXIT_INTERRUPTED = 130;

    @Parameters(index = "0", paramLabel = "JOB_FILE", description = "Job description (.json, .yaml or .yml).")
    Path jobFile;

    @Option(names = "--local", description = "Start the local SageMaker emulator in this process and run against it.")
    boolean local;

    @Option(names = "--local-speed", paramLabel = "FACTOR", defaultValue = "60",
            description = "With --local: how much faster than real time the emulator's clock runs (default: ${DEFAULT-VALUE}).")
    double localSpeed;

    @Option(names = "--seed", paramLabel = "FILE=S3_URI",
            description = "With --local: put a local file into the emulator's S3 before the run, for example "
                    + "data/train.csv=s3://example-bucket/train/train.csv. Repeatable.")
    List<String> seeds = new ArrayList<>();

    @Option(names = "--dry-run", description = "Check the job without creating it and print the CreateTrainingJob request.")
    boolean dryRun;

    @Option(names = "--region", description = "AWS region; overrides the job description's region. Without either: "
            + "the aws.region system property, the AWS_REGION environment variable or the profile's region.")
    String region;

    @Option(names = "--profile", description = "AWS profile for credentials; default: the SDK's default credential chain.")
    String profile;

    @Option(names = "--build-id", description = "Suffix that derived job names carry; default: a random one.")
    String buildId;

    @Option(names = "--workspace", paramLabel = "DIR", defaultValue = ".",
            description = "Folder that channels' localPath values are relative to (default: the current folder).")
    Path workspace;

    private final PrintStream out;
    private final Cancellation cancellation = new Cancellation();
    private final CancellationToken uploadCancellation = new CancellationToken();
    private final CountDownLatch finished = new CountDownLatch(1);

    /** The prepared job's name for the shutdown hook's message, or null before the job is prepared. */
    private volatile String jobName;

    public SageMakerTrainCommand() {
        this(System.out);
    }

    SageMakerTrainCommand(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        SageMakerTrainCommand command = new SageMakerTrainCommand();
        int exitCode = new CommandLine(command).setExitCodeExceptionMapper(e -> EXIT_INVALID).execute(args);
        System.exit(exitCode);
    }

    @Override
    public Integer call() {
        Thread hook = new Thread(this::stopOnShutdown, "sagemaker-train-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return runJob();
        } finally {
            finished.countDown();
            removeHook(hook);
        }
    }

    /** Cancels the run from Ctrl-C (or SIGTERM) and waits, bounded, until the job has stopped. */
    private void stopOnShutdown() {
        if (finished.getCount() == 0) {
            return;
        }
        out.println("Interrupted: cancelling the run; a training job already created is stopped before exiting.");
        uploadCancellation.cancel();
        cancellation.cancel();

        // The JVM runs each shutdown hook once, so a second Ctrl-C does not end this wait. The line names what does.
        Duration maxWait = RunSettings.DEFAULT_STOP_TIMEOUT.plusMinutes(1);
        String job = jobName != null ? "training job " + jobName : "the training job";
        out.println("Waiting at most " + maxWait.toMinutes() + " minutes for " + job + " to stop; a second Ctrl-C "
                + "does not shorten this. kill -9 " + ProcessHandle.current().pid() + " exits at once, but then "
                + job + ", if created, keeps stopping (or running, if StopTrainingJob was not sent yet) in AWS.");
        try {
            finished.await(maxWait.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // The JVM is already shutting down, and the hook has run or is running.
        }
    }

    private int runJob() {
        if (Files.isDirectory(jobFile)) {
            out.println("ERROR: job description " + jobFile + " is a folder, not a file; pass the path of a .json, "
                    + ".yaml or .yml file.");
            return EXIT_INVALID;
        }
        JobDescription description;
        try {
            description = JobDescription.read(jobFile);
        } catch (NoSuchFileException e) {
            out.println("ERROR: job description " + jobFile + " not found; check the path.");
            return EXIT_INVALID;
        } catch (IOException e) {
            out.println("ERROR: cannot read job description " + jobFile + ": " + e);
            return EXIT_INVALID;
        } catch (JobDescriptionException e) {
            out.println("ERROR: " + e.getMessage());
            return EXIT_INVALID;
        }

        PreparedJob job;
        try {
            String suffix = buildId != null ? buildId : randomSuffix();
            job = PreparedJob.prepare(description.getSpec(), "sagemaker-train", Instant.now(), suffix);
        } catch (InvalidSpecException e) {
            out.println("ERROR: " + e.getMessage());
            return EXIT_INVALID;
        }
        jobName = job.jobName();

        if (!local && !seeds.isEmpty()) {
            out.println("ERROR: --seed works only with --local.");
            return EXIT_INVALID;
        }
        for (String seed : seeds) {
            String problem = seedProblem(seed);
            if (problem != null) {
                out.println("ERROR: --seed " + seed + " is invalid: " + problem);
                return EXIT_INVALID;
            }
        }

        try (LocalEmulator emulator = local ? LocalEmulator.start(localSpeed, out) : null) {
            if (emulator != null) {
                emulator.prepareBuckets(description.getSpec());
                emulator.seed(seeds);
                String requested = region != null ? region : description.getConnection().getRegion();
                if (requested != null && !requested.equals(emulator.region())) {
                    out.println("Note: --local runs in the emulator's region " + emulator.region() + "; region "
                            + requested + " is not used.");
                }
            }
            AwsClientSettings settings = clientSettings(description.getConnection(), job, emulator);
            return dryRun || description.getRunOptions().isDryRun()
                    ? dryRun(job, settings)
                    : train(job, settings, description.getRunOptions());
        } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
            out.println("ERROR: " + e.getMessage());
            return EXIT_INVALID;
        } catch (CredentialsNotFoundException e) {
            out.println("ERROR: " + e.getMessage());
            return EXIT_AWS_ERROR;
        } catch (SdkException e) {
            // S3 errors of an upload or a download, and any other AWS error that the engine does not turn into a message.
            out.println("ERROR: " + AwsErrorMessages.describe(e, JobBuckets.of(job.spec())));
            return EXIT_AWS_ERROR;
        }
    }

    /** Returns why a {@code --seed} value is invalid, or null. {@link LocalEmulator#seed} checks the target URI. */
    private static String seedProblem(String seed) {
        int separator = seed.indexOf('=');
        if (separator <= 0 || separator == seed.length() - 1) {
            return "use the form --seed FILE=s3://bucket/key, as in "
                    + "--seed data/train.csv=s3://example-bucket/train/train.csv.";
        }
        Path file = Path.of(seed.substring(0, separator));
        if (!Files.isRegularFile(file)) {
            return "file " + file + " not found, or it is not a regular file.";
        }
        return null;
    }

    private int dryRun(PreparedJob job, AwsClientSettings settings) {
        try (AwsClientFactory clients = AwsClientFactory.create(settings)) {
            // The workspace paths of channels are listed as a real run's upload would list them.
            WorkspaceAgent agent = new LocalWorkspaceAgent(workspace, out::println, new CancellationToken());
            DryRunReport report = DryRun.run(job.spec(), job.jobName(), job.runId(), clients, sink(),
                    DryRunOptions.defaults(), agent);
            return report.passed() ? EXIT_COMPLETED : EXIT_FAILED;
        }
    }

    private int train(PreparedJob job, AwsClientSettings settings, RunOptions options) {
        Duration pollInterval = Duration.ofSeconds(options.getPollIntervalSeconds());
        Duration maxPollInterval = Duration.ofSeconds(Math.max(options.getPollIntervalSeconds(),
                options.getMaxPollIntervalSeconds()));
        if (local) {
            // The emulator's clock runs faster than real time, so poll at least once a second.
            pollInterval = Duration.ofSeconds(1);
            maxPollInterval = Duration.ofSeconds(1);
        }
        RunSettings runSettings = RunSettings.builder()
                .pollInterval(pollInterval)
                .maxPollInterval(maxPollInterval)
                .build();
        LogRelayOptions logOptions = LogRelayOptions.defaults()
                .withExpectedStreams(job.spec().getInstanceCount());
        LogSink status = sink();
        LogLineSink containerLog = LogLineSink.of(out::println, line -> out.println("WARNING: " + line));

        RunResult result;
        try (TrainingSession session = TrainingSession.open(settings, runSettings, logOptions)) {
            ProgressSink progress = out::println;
            WorkspaceAgent agent = new LocalWorkspaceAgent(workspace, progress, uploadCancellation);
            PreparedJob uploaded = session.uploadWorkspaceChannels(job, agent, status, progress, uploadCancellation);
            result = session.run(uploaded, status, containerLog, cancellation);
            if (result.isSuccess() && options.getModelDownloadPath() != null) {
                session.downloadArtifacts(result, options.getModelDownloadPath(), options.isDownloadOutputData(),
                        agent, status, progress, uploadCancellation);
            }
        } catch (TransferCancelledException e) {
            out.println("Interrupted during a transfer: " + e.getMessage());
            return EXIT_INTERRUPTED;
        } catch (WorkspacePathException e) {
            out.println("ERROR: " + e.getMessage());
            return EXIT_INVALID;
        } catch (IOException e) {
            out.println("ERROR: the transfer failed: " + e.getMessage());
            return EXIT_AWS_ERROR;
        } catch (CancellationException e) {
            out.println("Interrupted before the training job was created; nothing was submitted.");
            return EXIT_INTERRUPTED;
        } catch (InvalidSpecException e) {
            out.println("ERROR: " + e.getMessage());
            return EXIT_INVALID;
        } catch (TrainingRunException e) {
            out.println("ERROR: " + e.getMessage());
            return EXIT_AWS_ERROR;
        }

        switch (result.outcome()) {
            case COMPLETED:
                return EXIT_COMPLETED;
            case FAILED:
                return EXIT_FAILED;
            case STOPPED_ON_REQUEST:
                return EXIT_INTERRUPTED;
            default:
                return EXIT_STOPPED;
        }
    }

    private LogSink sink() {
        return LogSink.printingTo(out);
    }

    private AwsClientSettings clientSettings(ConnectionSettings connection, PreparedJob job, LocalEmulator emulator) {
        if (emulator != null) {
            return emulator.clientSettings(AwsClientSettings.builder());
        }

        String regionId = region != null ? region : connection.getRegion();
        if (regionId == null) {
            regionId = AwsEnvironment.region(profile).orElseThrow(() -> new IllegalArgumentException(
                    "AWS region is missing: pass --region, set region in the job description, set the aws.region "
                            + "system property or the AWS_REGION environment variable, or set region for the AWS "
                            + "profile in ~/.aws/config."));
        }
        AwsCredentialsProvider credentials = AwsEnvironment.credentials(profile);
        return connection.toClientSettings(credentials, job.jobName()).region(regionId).build();
    }

    /** Returns six random lowercase letters and digits, so two runs in the same second get different names. */
    private static String randomSuffix() {
        String alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            suffix.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return suffix.toString();
    }
}
