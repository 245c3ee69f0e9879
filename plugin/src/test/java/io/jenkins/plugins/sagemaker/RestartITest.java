package io.jenkins.plugins.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.JenkinsSessionExtension;

class RestartITest {

    @RegisterExtension
    private final JenkinsSessionExtension sessions = new JenkinsSessionExtension();

    @Test
    void restartMidTrainingResumesSameJob() throws Throwable {
        List<String> lines = IntStream.rangeClosed(1, 300).mapToObj(i -> String.format("epoch %03d", i)).toList();
        try (SageMakerEmulator emulator = EmulatorFixture.startEmulator()) {
            // 60 emulator minutes last 30 s of wall time, so the job is still training after the restart.
            emulator.planJobs("resumed", JobPlan.builder().training(Duration.ofMinutes(60)).logLines(1, lines).build());

            sessions.then(j -> {
                EmulatorFixture.addCredentials(emulator);
                WorkflowJob job = j.createProject(WorkflowJob.class, "resumed");
                job.setDefinition(new CpsFlowDefinition(
                        "sagemakerTrain(" + EmulatorFixture.pipelineArguments(emulator, "resumed") + ")", true));
                WorkflowRun run = job.scheduleBuild2(0).waitForStart();
                // A container log line is printed by a poll, so the step is following the job by then.
                j.waitForMessage("epoch 005", run);
            });

            sessions.then(j -> {
                WorkflowRun run = j.jenkins.getItemByFullName("resumed", WorkflowJob.class).getBuildByNumber(1);
                j.assertBuildStatusSuccess(j.waitForCompletion(run));
                assertThat(emulator.callCount("CreateTrainingJob")).isEqualTo(1);
                String log = JenkinsRule.getLog(run);
                for (String line : lines) {
                    // Every line once; a restart between a poll's printing and its save may repeat that poll.
                    assertThat(log.split(line, -1).length - 1).as(line).isBetween(1, 2);
                }
            });
        }
    }
}
