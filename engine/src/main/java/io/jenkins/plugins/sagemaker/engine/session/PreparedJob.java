package io.jenkins.plugins.sagemaker.engine.session;

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
 * A validated training job that is ready to submit: the specification, the final job name and the id
 * of this run. Every front end makes one before anything is sent to AWS, and keeps it (it is small and
 * serializable) so that a resubmission after a restart uses the same name and run id.
 */
public final class PreparedJob implements Serializable {

    private static final long serialVersionUID = 1L;

    private final TrainingJobSpec spec;
    private final String jobName;
    private final String runId;
    private final boolean algorithmChecked;

    private PreparedJob(TrainingJobSpec spec, String jobName, String runId, boolean algorithmChecked) {
        this.spec = spec;
        this.jobName = jobName;
        this.runId = runId;
        this.algorithmChecked = algorithmChecked;
    }

    /**
     * Validates {@code spec} and fixes the job name: the explicit {@code jobName} as given, otherwise one
     * derived from {@code baseJobName} (or {@code fallbackBaseName} when the spec has none), the time
     * and the build id.
     *
     * @param fallbackBaseName base name to use when the spec has neither a job name nor a base job name,
     *     for example the Jenkins job's name. Without one, such a spec is invalid.
     * @param now time stamp of the derived name
     * @param buildId build number, or another id that distinguishes two runs in the same second
     * @throws InvalidSpecException listing every problem of the specification
     */
    public static PreparedJob prepare(TrainingJobSpec spec, String fallbackBaseName, Instant now, String buildId) {
        TrainingJobSpec named = spec;
        if (spec.getJobName() == null && spec.getBaseJobName() == null && fallbackBaseName != null) {
            named = spec.toBuilder().baseJobName(fallbackBaseName).build();
        }
        SpecValidator.requireValid(named);

        String jobName = named.getJobName() != null
                ? named.getJobName()
                : JobNames.derive(named.getBaseJobName(), now, buildId);
        return new PreparedJob(named, jobName, RunIdentity.newRunId(), false);
    }

    /** Returns a copy whose specification passed the algorithm check, as that check adjusted it. */
    public PreparedJob withCheckedSpec(TrainingJobSpec checkedSpec) {
        return new PreparedJob(checkedSpec, jobName, runId, true);
    }

    /**
     * Returns a copy whose workspace channels read the S3 prefixes their files were uploaded to, so its
     * request can be built.
     */
    public PreparedJob withUploadedChannels(TrainingJobSpec uploadedSpec) {
        return new PreparedJob(uploadedSpec, jobName, runId, algorithmChecked);
    }

    /** Returns whether the algorithm check has run, so a resubmission does not repeat it. */
    public boolean isAlgorithmChecked() {
        return algorithmChecked;
    }

    public TrainingJobSpec spec() {
        return spec;
    }

    public String jobName() {
        return jobName;
    }

    /** Returns the id that this run tags on its job, so a retried or resumed submission adopts only its own job. */
    public String runId() {
        return runId;
    }

    /** Builds the CreateTrainingJob request, tagged with this run's id. */
    public CreateTrainingJobRequest request() {
        return CreateTrainingJobRequests.build(spec, jobName, runId);
    }

    @Override
    public String toString() {
        return "PreparedJob{jobName=" + jobName + ", runId=" + runId + "}";
    }
}
