package io.jenkins.plugins.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import java.time.Duration;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

class RestartITest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void restartMidTrainingResumesSameJob() throws Throwable {
        try (SageMakerEmulator emulator = EmulatorFixture.startEmulator()) {
            emulator.planJobs("resumed", JobPlan.builder().training(Duration.ofMinutes(20)).build());

            sessions.then(j -> {
                EmulatorFixture.addCredentials(emulator);
                WorkflowJob job = j.createProject(WorkflowJob.class, "resumed");
                job.setDefinition(new CpsFlowDefinition(
                        "sagemakerTrain(" + EmulatorFixture.pipelineArguments(emulator, "resumed") + ")", true));
                WorkflowRun run = job.scheduleBuild2(0).waitForStart();
                j.waitForMessage("Training", run);
            });

            sessions.then(j -> {
                WorkflowRun run = j.jenkins.getItemByFullName("resumed", WorkflowJob.class).getBuildByNumber(1);
                j.assertBuildStatusSuccess(j.waitForCompletion(run));
                assertThat(emulator.callCount("CreateTrainingJob")).isEqualTo(1);
            });
        }
    }
}
