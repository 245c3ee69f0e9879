package io.jenkins.plugins.sagemaker.run;

import hudson.AbortException;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.sagemaker.config.SpecMapper;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import io.jenkins.plugins.sagemaker.connection.ConnectionSettings;
import io.jenkins.plugins.sagemaker.engine.naming.JobNames;
import io.jenkins.plugins.sagemaker.engine.request.CreateTrainingJobRequests;
import io.jenkins.plugins.sagemaker.engine.run.RunIdentity;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.InvalidSpecException;
import io.jenkins.plugins.sagemaker.engine.validation.SpecValidator;
import java.io.Serializable;
import java.time.Instant;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;

/**
 * A validated run, ready to submit: the job specification, the final job name, a new run id and the
 * connection. Made before anything is sent to AWS, by both front ends.
 */
public final class PreparedRun implements Serializable {

    private static final long serialVersionUID = 1L;

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
        TrainingJobSpec spec;
        try {
            spec = SpecValidator.requireValid(SpecMapper.toSpec(config));
        } catch (InvalidSpecException | IllegalArgumentException e) {
            throw new AbortException("The SageMaker training configuration is invalid:\n" + e.getMessage());
        }
        String jobName = spec.getJobName();
        if (jobName == null) {
            String base = spec.getBaseJobName() != null ? spec.getBaseJobName() : run.getParent().getFullName();
            jobName = JobNames.derive(base, Instant.now(), Integer.toString(run.getNumber()));
        }
        String sessionName = jobName + "-" + run.getNumber();
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

    /** Prints the request that a dry run would send, as SageMaker's JSON, and nothing else. */
    public void printDryRun(TaskListener listener) {
        listener.getLogger().println("[SageMaker] Dry run: CreateTrainingJob was not sent. The request would be:");
        listener.getLogger().println(CreateTrainingJobRequests.toJson(request()));
    }
}
