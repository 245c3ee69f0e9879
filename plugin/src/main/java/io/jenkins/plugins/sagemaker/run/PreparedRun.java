package io.jenkins.plugins.sagemaker.run;

import hudson.AbortException;
import hudson.model.Item;
import hudson.model.Run;
import io.jenkins.plugins.sagemaker.config.SpecMapper;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import io.jenkins.plugins.sagemaker.connection.ConnectionSettings;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientFactory;
import io.jenkins.plugins.sagemaker.engine.dryrun.DryRun;
import io.jenkins.plugins.sagemaker.engine.dryrun.DryRunReport;
import io.jenkins.plugins.sagemaker.engine.naming.JobNames;
import io.jenkins.plugins.sagemaker.engine.request.CreateTrainingJobRequests;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.run.RunIdentity;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.InvalidSpecException;
import io.jenkins.plugins.sagemaker.engine.validation.SpecValidator;
import java.io.Serializable;
import java.time.Instant;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;

/**
 * A validated run, ready to submit: the job specification, the final job name, a new run id and the
 * connection. Made before anything is sent to AWS, by both front ends.
 */
public final class PreparedRun implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Build id in place of the build number in job names that the "Check configuration" button derives. */
    static final String CHECK_BUILD_ID = "check";

    private final TrainingJobSpec spec;
    private final String jobName;
    private final String runId;
    private final ConnectionSettings connection;

    private PreparedRun(TrainingJobSpec spec, String jobName, String runId, ConnectionSettings connection) {
        this.spec = spec;
        this.jobName = jobName;
        this.runId = runId;
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
        TrainingJobSpec spec;
        try {
            spec = SpecValidator.requireValid(SpecMapper.toSpec(config));
        } catch (InvalidSpecException | IllegalArgumentException e) {
            throw new AbortException("The SageMaker training configuration is invalid:\n" + e.getMessage());
        }
        String jobName = spec.getJobName();
        if (jobName == null) {
            String base = spec.getBaseJobName() != null ? spec.getBaseJobName() : itemFullName;
            jobName = JobNames.derive(base, Instant.now(), buildId);
        }
        String sessionName = jobName + "-" + buildId;
        return new PreparedRun(spec, jobName, RunIdentity.newRunId(), ConnectionSettings.of(config, sessionName));
    }

    public String jobName() {
        return jobName;
    }

    public String runId() {
        return runId;
    }

    public ConnectionSettings connection() {
        return connection;
    }

    /** Builds the CreateTrainingJob request, tagged with this run's id. */
    public CreateTrainingJobRequest request() {
        return CreateTrainingJobRequests.build(spec, jobName, runId);
    }

    /**
     * Runs the engine's dry run: checks the specification, the algorithm and the S3 locations, and
     * prints the request as JSON to {@code sink}. It makes AWS calls, so it must not run on the CPS
     * thread. CreateTrainingJob is never sent.
     */
    public DryRunReport dryRun(AwsCredentialsProvider credentials, LogSink sink) {
        try (AwsClientFactory clients = AwsClientFactory.create(connection.toClientSettings(credentials))) {
            return DryRun.run(spec, jobName, runId, clients, sink);
        }
    }

    /** Returns the message of a build that a dry run with problems fails; the problems are printed already. */
    public static String dryRunFailure(DryRunReport report) {
        int count = report.problems().size();
        return "Dry run found " + count + (count == 1 ? " problem" : " problems")
                + " (listed above); CreateTrainingJob was not sent.";
    }
}
