package io.jenkins.plugins.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.security.AccessDeniedException3;
import hudson.util.FormValidation;
import io.jenkins.plugins.sagemaker.config.ChannelConfig;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import io.jenkins.plugins.sagemaker.freestyle.SageMakerTrainingBuilder;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The dry run of both steps and the freestyle form's "Check configuration" button, against the emulator. */
@WithJenkins
class DryRunITest {

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

    /** Returns a configuration whose input prefix contains no object, which only the S3 check detects. */
    private TrainingJobConfig emptyInputConfig(String baseJobName) {
        TrainingJobConfig config = EmulatorFixture.config(emulator, baseJobName);
        config.setChannels(List.of(new ChannelConfig("train", "s3://example-bucket/no-data-here")));
        return config;
    }

    @Test
    void freestyleDryRunPrintsRequestWithoutSubmitting() throws Exception {
        TrainingJobConfig config = EmulatorFixture.config(emulator, "checked");
        config.setDryRun(true);
        FreeStyleProject project = j.createFreeStyleProject("checked");
        project.getBuildersList().add(new SageMakerTrainingBuilder(config));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("CreateTrainingJob request (not sent):", build);
        j.assertLogContains("\"TrainingJobName\"", build);
        j.assertLogContains("Dry run passed: CreateTrainingJob was not sent.", build);
        assertThat(emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void freestyleDryRunFailsOnEmptyInput() throws Exception {
        TrainingJobConfig config = emptyInputConfig("empty");
        config.setDryRun(true);
        FreeStyleProject project = j.createFreeStyleProject("empty");
        project.getBuildersList().add(new SageMakerTrainingBuilder(config));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("channels[0].s3Uri \"s3://example-bucket/no-data-here\" contains no objects", build);
        j.assertLogContains("Dry run found 1 problem (listed above); CreateTrainingJob was not sent.", build);
        assertThat(emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void freestyleDryRunListsWorkspacePaths() throws Exception {
        TrainingJobConfig config = EmulatorFixture.config(emulator, "workspace");
        ChannelConfig fromWorkspace = new ChannelConfig("extra", null);
        fromWorkspace.setLocalPath("data");
        config.setChannels(List.of(new ChannelConfig("train", "s3://example-bucket/train"), fromWorkspace));
        config.setDryRun(true);
        FreeStyleProject project = j.createFreeStyleProject("workspace");
        project.getBuildersList().add(new SageMakerTrainingBuilder(config));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("channels[1].localPath: Path 'data' not found in the workspace", build);
        assertThat(emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void pipelineDryRunReturnsRequest() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "dry");
        job.setDefinition(new CpsFlowDefinition("""
                def result = sagemakerTrain(dryRun: true, %s)
                echo "dryRun=${result.dryRun} named=${result.request.contains('"TrainingJobName"')}"
                """.formatted(EmulatorFixture.pipelineArguments(emulator, "dry")), true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("dryRun=true named=true", run);
        assertThat(emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void checkConfigurationButtonRunsTheDryRunChecks() throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
        FreeStyleProject good = j.createFreeStyleProject("good");
        good.getBuildersList().add(new SageMakerTrainingBuilder(EmulatorFixture.config(emulator, "good")));
        FreeStyleProject empty = j.createFreeStyleProject("empty-input");
        empty.getBuildersList().add(new SageMakerTrainingBuilder(emptyInputConfig("empty-input")));
        SageMakerTrainingBuilder.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(SageMakerTrainingBuilder.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            FormValidation passed = descriptor.doCheckConfiguration(good);
            FormValidation failed = descriptor.doCheckConfiguration(empty);

            assertThat(passed.kind).isEqualTo(FormValidation.Kind.OK);
            assertThat(passed.renderHtml()).contains("No problems found in training job good-");
            assertThat(failed.kind).isEqualTo(FormValidation.Kind.ERROR);
            assertThat(failed.renderHtml()).contains("has 1 problem:").contains("contains no objects");
        }
        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            assertThatThrownBy(() -> descriptor.doCheckConfiguration(good)).isInstanceOf(AccessDeniedException3.class);
        }
        assertThat(emulator.callCount("CreateTrainingJob")).isZero();
    }
}
