package io.jenkins.plugins.sagemaker.run;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.sagemaker.config.SpecMapper;
import io.jenkins.plugins.sagemaker.config.StoppedJobResult;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import io.jenkins.plugins.sagemaker.connection.ConnectionSettings;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientFactory;
import io.jenkins.plugins.sagemaker.engine.aws.RoleSessionNames;
import io.jenkins.plugins.sagemaker.engine.description.RunOptions;
import io.jenkins.plugins.sagemaker.engine.dryrun.DryRun;
import io.jenkins.plugins.sagemaker.engine.dryrun.DryRunOptions;
import io.jenkins.plugins.sagemaker.engine.dryrun.DryRunReport;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.session.PreparedJob;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspaceAgent;
import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * A validated run, ready to submit: the engine's {@link PreparedJob} (specification, final job name and
 * a new run id) and the connection. Made before anything is sent to AWS, by both front ends.
 */
public final class PreparedRun implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Build id in place of the build number in job names that the "Check configuration" button derives. */
    static final String CHECK_BUILD_ID = "check";

    private final PreparedJob job;
    private final ConnectionSettings connection;

    private PreparedRun(PreparedJob job, ConnectionSettings connection) {
        this.job = job;
        this.connection = connection;
    }

    /**
     * Validates {@code config} and fixes the job name: {@code jobName} as given, else a name derived from
     * {@code baseJobName} (or the Jenkins job's full name), the time and the build number.
     *
     * @throws AbortException listing every problem of the configuration, one per line
     */
    public static PreparedRun prepare(TrainingJobConfig config, Run<?, ?> run) throws AbortException {
        return prepare(config, run.getParent().getFullName(), Integer.toString(run.getNumber()));
    }

    /**
     * Validates {@code config} for the form's "Check configuration" button, outside any build. A derived
     * job name uses {@value #CHECK_BUILD_ID} in place of the build number.
     *
     * @throws AbortException listing every problem of the configuration, one per line
     */
    public static PreparedRun prepareCheck(TrainingJobConfig config, Item item) throws AbortException {
        return prepare(config, item.getFullName(), CHECK_BUILD_ID);
    }

    private static PreparedRun prepare(TrainingJobConfig config, String itemFullName, String buildId)
            throws AbortException {
        List<String> problems = new ArrayList<>();
        PreparedJob job = null;
        try {
            job = PreparedJob.prepare(SpecMapper.toSpec(config), itemFullName, Instant.now(), buildId);
        } catch (IllegalArgumentException e) {
            // InvalidSpecException, the engine's list of every problem, is an IllegalArgumentException.
            problems.add(e.getMessage());
        }
        // The run's own settings are checked now too, so a typo does not surface hours later when the job ends.
        // A maximum poll interval below the first one is raised to it, as the runner does when it is left out.
        int poll = config.getPollIntervalSeconds();
        problems.addAll(RunOptions.pollIntervalProblems(poll, Math.max(poll, config.getMaxPollIntervalSeconds())));
        problems.addAll(RunOptions.modelDownloadPathProblems(config.getModelDownloadPath()));
        try {
            StoppedJobResult.parse(config.getResultWhenStopped());
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
        }
        if (!problems.isEmpty()) {
            throw new AbortException("The SageMaker training configuration is invalid:\n" + String.join("\n", problems));
        }
        return new PreparedRun(job, ConnectionSettings.of(config, RoleSessionNames.forRun(job.jobName(), buildId)));
    }

    public PreparedJob job() {
        return job;
    }

    public String jobName() {
        return job.jobName();
    }

    public ConnectionSettings connection() {
        return connection;
    }

    /** Returns a copy that carries the job as the engine's algorithm check adjusted it. */
    public PreparedRun withJob(PreparedJob checkedJob) {
        return new PreparedRun(checkedJob, connection);
    }

    /**
     * Runs the engine's dry run: checks the specification, the algorithm, the S3 locations and, when
     * {@code workspace} is not null, the workspace paths of the channels, and prints the request as JSON
     * to {@code sink}. It makes AWS calls, so it must not run on the CPS thread. CreateTrainingJob is
     * never sent.
     */
    public DryRunReport dryRun(AwsCredentialsProvider credentials, LogSink sink, @CheckForNull WorkspaceAgent workspace) {
        try (AwsClientFactory clients = AwsClientFactory.create(connection.toClientSettings(credentials))) {
            return DryRun.run(job.spec(), job.jobName(), job.runId(), clients, sink, DryRunOptions.defaults(),
                    workspace);
        }
    }

    /** Returns the message of a build that a dry run with problems fails; the problems are printed already. */
    public static String dryRunFailure(DryRunReport report) {
        int count = report.problems().size();
        return "Dry run found " + count + (count == 1 ? " problem" : " problems")
                + " (listed above); CreateTrainingJob was not sent.";
    }
}
