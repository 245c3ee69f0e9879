package io.jenkins.plugins.sagemaker;

import static org.assertj.core.api.Assertions.assertThat;

import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.util.ComboBoxModel;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.casc.ConfigurationContext;
import io.jenkins.plugins.casc.ConfiguratorRegistry;
import io.jenkins.plugins.casc.misc.Util;
import io.jenkins.plugins.sagemaker.config.ChannelConfig;
import io.jenkins.plugins.sagemaker.config.HyperparameterConfig;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import io.jenkins.plugins.sagemaker.freestyle.SageMakerTrainingBuilder;
import io.jenkins.plugins.sagemaker.pipeline.SageMakerTrainStep;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.workflow.cps.SnippetizerTester;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.model.User;

@WithJenkins
class ConfigurationITest {

    private static TrainingJobConfig sampleConfig() {
        TrainingJobConfig config = new TrainingJobConfig();
        config.setBaseJobName("nightly");
        config.setAlgorithm("arn:aws:sagemaker:us-east-2:123456789012:algorithm/my-algorithm");
        config.setRoleArn("arn:aws:iam::123456789012:role/SageMakerTraining");
        config.setInstanceType("ml.m5.xlarge");
        config.setInstanceCount(2);
        config.setSubnets(List.of("subnet-0123456789abcdef0"));
        config.setSecurityGroupIds(List.of("sg-0123456789abcdef0"));
        config.setHyperparameters(List.of(new HyperparameterConfig("eta", "0.10")));
        ChannelConfig channel = new ChannelConfig("train", "s3://example-bucket/train");
        channel.setCompressionType("Gzip");
        config.setChannels(List.of(channel));
        config.setOutputPath("s3://example-bucket/output");
        config.setRegion("us-east-2");
        return config;
    }

    @Test
    void freestyleFormRoundTrips(JenkinsRule j) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        SageMakerTrainingBuilder before = new SageMakerTrainingBuilder(sampleConfig());
        project.getBuildersList().add(before);

        j.configRoundtrip(project);

        SageMakerTrainingBuilder after = project.getBuildersList().get(SageMakerTrainingBuilder.class);
        j.assertEqualDataBoundBeans(before.getConfig(), after.getConfig());
    }

    @Test
    void snippetGeneratorRoundTrips(JenkinsRule j) throws Exception {
        SageMakerTrainStep step = new SageMakerTrainStep();
        step.setBaseJobName("nightly");
        step.setTrainingImage("123456789012.dkr.ecr.us-east-2.amazonaws.com/trainer:1.0");
        step.setInstanceType("ml.m5.xlarge");
        step.setHyperparameters(List.of(new HyperparameterConfig("eta", "0.10")));

        new SnippetizerTester(j).assertRoundTrip(step, "sagemakerTrain baseJobName: 'nightly', "
                + "hyperparameters: [[name: 'eta', value: '0.10']], instanceType: 'ml.m5.xlarge', "
                + "trainingImage: '123456789012.dkr.ecr.us-east-2.amazonaws.com/trainer:1.0'");
    }

    @Test
    void formEndpointsNeedConfigure(JenkinsRule j) throws Exception {
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ).everywhere().to("reader")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE).everywhere().to("configurer"));
        FreeStyleProject project = j.createFreeStyleProject();
        TrainingJobConfig.DescriptorImpl descriptor = j.jenkins.getDescriptorByType(TrainingJobConfig.DescriptorImpl.class);

        try (ACLContext ignored = ACL.as(User.getById("reader", true))) {
            ComboBoxModel regions = descriptor.doFillRegionItems(project);
            ListBoxModel modes = descriptor.doFillTrainingInputModeItems(project);
            assertThat(regions).isEmpty();
            assertThat(modes).isEmpty();
            assertThat(descriptor.doCheckRoleArn(project, "not-an-arn").kind).isEqualTo(hudson.util.FormValidation.Kind.OK);
        }
        try (ACLContext ignored = ACL.as(User.getById("configurer", true))) {
            assertThat(descriptor.doFillRegionItems(project)).contains("us-east-2");
            assertThat(descriptor.doCheckRoleArn(project, "not-an-arn").kind)
                    .isEqualTo(hudson.util.FormValidation.Kind.ERROR);
        }
    }

    @Test
    void configurationAsCodeExportsJobConfig(JenkinsRule j) throws Exception {
        ConfiguratorRegistry registry = ConfiguratorRegistry.get();
        ConfigurationContext context = new ConfigurationContext(registry);

        String yaml = Util.toYamlString(registry.lookupOrFail(TrainingJobConfig.class).describe(sampleConfig(), context));

        assertThat(yaml).contains("baseJobName: \"nightly\"").contains("instanceCount: 2").contains("name: \"eta\"")
                .contains("value: \"0.10\"").contains("compressionType: \"Gzip\"");
    }
}
