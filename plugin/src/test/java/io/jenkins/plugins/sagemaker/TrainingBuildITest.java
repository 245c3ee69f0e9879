package io.jenkins.plugins.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.tasks.Shell;
import io.jenkins.plugins.sagemaker.action.TrainingRunAction;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import io.jenkins.plugins.sagemaker.freestyle.SageMakerTrainingBuilder;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

@WithJenkins
class TrainingBuildITest {

    private JenkinsRule j;
    private SageMakerEmulator emulator;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        emulator = EmulatorFixture.startEmulator();
        EmulatorFixture.addCredentials(emulator);
    }

    @AfterEach
    void tearDown() {
        emulator.close();
    }

    @Test
    void freestyleTrainsToCompleted() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("nightly");
        project.getBuildersList().add(new SageMakerTrainingBuilder(EmulatorFixture.config(emulator, "nightly")));
        project.getBuildersList().add(new Shell("echo job=$SAGEMAKER_TRAINING_JOB_NAME model=$SAGEMAKER_MODEL_ARTIFACTS"));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        TrainingRunAction action = build.getAction(TrainingRunAction.class);
        assertThat(action).isNotNull();
        assertThat(action.getStatus()).isEqualTo("Completed");
        assertThat(action.getModelArtifacts()).startsWith("s3://example-bucket/output/");
        j.assertLogContains("job=" + action.getJobName(), build);
        assertThat(emulator.callCount("CreateTrainingJob")).isEqualTo(1);
    }

    @Test
    void invalidRunSettingsFailBeforeAnyAwsCall() throws Exception {
        TrainingJobConfig config = EmulatorFixture.config(emulator, "settings");
        config.setResultWhenStopped("FAILED");
        config.setPollIntervalSeconds(0);
        FreeStyleProject project = j.createFreeStyleProject("settings");
        project.getBuildersList().add(new SageMakerTrainingBuilder(config));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("pollIntervalSeconds 0 is invalid: use at least 1 second.", build);
        j.assertLogContains("resultWhenStopped \"FAILED\" is invalid: use one of FAILURE, UNSTABLE, ABORTED.", build);
        assertThat(emulator.calls()).isEmpty();
    }

    @Test
    void freestyleTracksCredentials() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("tracked");
        project.getBuildersList().add(new SageMakerTrainingBuilder(EmulatorFixture.config(emulator, "tracked")));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        var credentials = SystemCredentialsProvider.getInstance().getCredentials().get(0);
        var fingerprint = CredentialsProvider.getFingerprintOf(credentials);
        assertThat(fingerprint).isNotNull();
        assertThat(fingerprint.getRangeSet(project).includes(build.getNumber())).isTrue();
    }

    @Test
    void pipelineReturnsResultMap() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "pipeline");
        job.setDefinition(new CpsFlowDefinition("""
                def result = sagemakerTrain(%s)
                echo "status=${result.status} artifacts=${result.modelArtifacts} billable=${result.billableSeconds}"
                """.formatted(EmulatorFixture.pipelineArguments(emulator, "pipeline")), true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("status=Completed artifacts=s3://example-bucket/output/", run);
        assertThat(run.getAction(TrainingRunAction.class)).isNotNull();
    }

    @Test
    void declarativePipelineTrainsWithoutNode() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "declarative");
        job.setDefinition(new CpsFlowDefinition("""
                pipeline {
                  agent none
                  stages {
                    stage('Train') {
                      steps {
                        sagemakerTrain(%s)
                      }
                    }
                  }
                }
                """.formatted(EmulatorFixture.pipelineArguments(emulator, "declarative")), true));

        j.buildAndAssertSuccess(job);
    }

    @Test
    void failingJobFailsBuild() throws Exception {
        emulator.planJobs("failing", JobPlan.builder().failIn("Training", "AlgorithmError: out of memory").build());
        WorkflowJob job = j.createProject(WorkflowJob.class, "failing");
        job.setDefinition(new CpsFlowDefinition(
                "sagemakerTrain(" + EmulatorFixture.pipelineArguments(emulator, "failing") + ")", true));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("AlgorithmError: out of memory", run);
    }

    @Test
    void abortStopsJobOnce() throws Exception {
        emulator.planJobs("aborted", JobPlan.builder().training(Duration.ofHours(2)).build());
        WorkflowJob job = j.createProject(WorkflowJob.class, "aborted");
        job.setDefinition(new CpsFlowDefinition(
                "sagemakerTrain(" + EmulatorFixture.pipelineArguments(emulator, "aborted") + ")", true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Training", run);

        run.doStop();

        j.assertBuildStatus(Result.ABORTED, j.waitForCompletion(run));
        assertThat(emulator.callCount("StopTrainingJob")).isEqualTo(1);
    }

    @Test
    void timeoutStopsJob() throws Exception {
        emulator.planJobs("timeout", JobPlan.builder().training(Duration.ofHours(2)).build());
        WorkflowJob job = j.createProject(WorkflowJob.class, "timeout");
        // Long enough for the job to be created on a cold JVM, so the timeout stops a running job.
        job.setDefinition(new CpsFlowDefinition("timeout(time: 30, unit: 'SECONDS') { sagemakerTrain("
                + EmulatorFixture.pipelineArguments(emulator, "timeout") + ") }", true));

        j.buildAndAssertStatus(Result.ABORTED, job);

        assertThat(emulator.callCount("StopTrainingJob")).isEqualTo(1);
    }
}
