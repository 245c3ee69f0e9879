package io.jenkins.plugins.sagemaker.action;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.model.EnvironmentContributingAction;
import hudson.model.Run;
import io.jenkins.plugins.sagemaker.engine.run.RunResult;
import io.jenkins.plugins.sagemaker.engine.run.SecondaryTransition;
import io.jenkins.plugins.sagemaker.engine.run.SubmittedJob;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.RunAction2;

/**
 * One training job of a build: shown on the build page ({@code summary.jelly}) and on its own page
 * ({@code index.jelly}), and exported to later build steps as {@code SAGEMAKER_TRAINING_JOB_NAME},
 * {@code SAGEMAKER_TRAINING_JOB_ARN} and {@code SAGEMAKER_MODEL_ARTIFACTS}. It keeps plain values only,
 * so build.xml does not depend on engine classes. When a build trains several jobs, the variables
 * name the job added last.
 */
public final class TrainingRunAction implements RunAction2, EnvironmentContributingAction {

    public static final String ENV_JOB_NAME = "SAGEMAKER_TRAINING_JOB_NAME";
    public static final String ENV_JOB_ARN = "SAGEMAKER_TRAINING_JOB_ARN";
    public static final String ENV_MODEL_ARTIFACTS = "SAGEMAKER_MODEL_ARTIFACTS";

    private final String jobName;
    private final String jobArn;
    private final String region;
    private final String consoleUrl;
    private final String outcome;
    private final String status;
    private final String secondaryStatus;
    private final String failureReason;
    private final Integer trainingSeconds;
    private final Integer billableSeconds;
    private final String modelArtifacts;
    private final LinkedHashMap<String, Double> finalMetrics;
    private final String creationTime;
    private final String trainingStartTime;
    private final String trainingEndTime;
    private final List<TransitionRow> transitions;

    private transient Run<?, ?> run;

    public TrainingRunAction(SubmittedJob job, String region, RunResult result) {
        this.jobName = job.jobName();
        this.jobArn = job.jobArn();
        this.region = region;
        this.consoleUrl = job.consoleUrl();
        this.outcome = result.outcome().name();
        this.status = result.trainingJobStatus();
        this.secondaryStatus = result.secondaryStatus();
        this.failureReason = result.failureReason().orElse(null);
        this.trainingSeconds = result.trainingSeconds().orElse(null);
        this.billableSeconds = result.billableSeconds().orElse(null);
        this.modelArtifacts = result.modelArtifactsUri().orElse(null);
        this.finalMetrics = new LinkedHashMap<>(result.finalMetrics());
        this.creationTime = result.creationTime().map(Instant::toString).orElse(null);
        this.trainingStartTime = result.trainingStartTime().map(Instant::toString).orElse(null);
        this.trainingEndTime = result.trainingEndTime().map(Instant::toString).orElse(null);
        this.transitions = new ArrayList<>();
        for (SecondaryTransition transition : result.secondaryTransitions()) {
            transitions.add(new TransitionRow(transition));
        }
    }

    @Override
    public void onAttached(Run<?, ?> run) {
        this.run = run;
    }

    @Override
    public void onLoad(Run<?, ?> run) {
        this.run = run;
    }

    @CheckForNull
    public Run<?, ?> getRun() {
        return run;
    }

    @Override
    public void buildEnvironment(@NonNull Run<?, ?> run, @NonNull EnvVars env) {
        env.put(ENV_JOB_NAME, jobName);
        if (jobArn != null) {
            env.put(ENV_JOB_ARN, jobArn);
        }
        if (modelArtifacts != null) {
            env.put(ENV_MODEL_ARTIFACTS, modelArtifacts);
        }
    }

    @Override
    public String getIconFileName() {
        return "symbol-analytics";
    }

    @Override
    public String getDisplayName() {
        return "SageMaker training job " + jobName;
    }

    @Override
    public String getUrlName() {
        // One page per job, so two training steps in one build do not share a URL.
        return "sagemaker-training-" + jobName;
    }

    public String getJobName() {
        return jobName;
    }

    public String getJobArn() {
        return jobArn;
    }

    public String getRegion() {
        return region;
    }

    public String getConsoleUrl() {
        return consoleUrl;
    }

    public String getOutcome() {
        return outcome;
    }

    public String getStatus() {
        return status;
    }

    public String getSecondaryStatus() {
        return secondaryStatus;
    }

    public String getFailureReason() {
        return failureReason;
    }

    public Integer getTrainingSeconds() {
        return trainingSeconds;
    }

    public Integer getBillableSeconds() {
        return billableSeconds;
    }

    public String getModelArtifacts() {
        return modelArtifacts;
    }

    public Map<String, Double> getFinalMetrics() {
        return Collections.unmodifiableMap(finalMetrics);
    }

    public String getCreationTime() {
        return creationTime;
    }

    public String getTrainingStartTime() {
        return trainingStartTime;
    }

    public String getTrainingEndTime() {
        return trainingEndTime;
    }

    public List<TransitionRow> getTransitions() {
        return Collections.unmodifiableList(transitions);
    }

    /** One secondary-status transition, with times as ISO-8601 UTC text. */
    public static final class TransitionRow {

        private final String status;
        private final String startTime;
        private final String endTime;
        private final String message;

        TransitionRow(SecondaryTransition transition) {
            this.status = transition.status();
            this.startTime = transition.startTime() == null ? null : transition.startTime().toString();
            this.endTime = transition.endTime() == null ? null : transition.endTime().toString();
            this.message = transition.statusMessage();
        }

        public String getStatus() {
            return status;
        }

        public String getStartTime() {
            return startTime;
        }

        public String getEndTime() {
            return endTime;
        }

        public String getMessage() {
            return message;
        }
    }
}
