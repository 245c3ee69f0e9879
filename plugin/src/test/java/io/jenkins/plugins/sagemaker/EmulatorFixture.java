package io.jenkins.plugins.sagemaker;

import com.cloudbees.jenkins.plugins.awscredentials.AWSCredentialsImpl;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.SystemCredentialsProvider;
import io.jenkins.plugins.sagemaker.config.ChannelConfig;
import io.jenkins.plugins.sagemaker.config.HyperparameterConfig;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import io.jenkins.plugins.sagemaker.emulator.EmulatorClock;
import io.jenkins.plugins.sagemaker.emulator.EmulatorConfig;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Shared set-up of the integration tests: an emulator on 127.0.0.1 and matching Jenkins credentials. */
final class EmulatorFixture {

    static final String CREDENTIALS_ID = "emulator-aws";

    /** Emulator time runs 120 times faster than wall time, so the default job plan ends in about 2 s. */
    static SageMakerEmulator startEmulator() {
        SageMakerEmulator emulator = SageMakerEmulator.start(
                EmulatorConfig.builder().clock(EmulatorClock.accelerated(120)).build());
        emulator.createBucket("example-bucket");
        emulator.putObject("example-bucket", "train/data.csv", "1,2\n".getBytes(StandardCharsets.UTF_8));
        return emulator;
    }

    static void addCredentials(SageMakerEmulator emulator) throws IOException {
        SystemCredentialsProvider store = SystemCredentialsProvider.getInstance();
        store.getCredentials().add(new AWSCredentialsImpl(CredentialsScope.GLOBAL, CREDENTIALS_ID,
                emulator.accessKeyId(), emulator.secretAccessKey(), "emulator"));
        store.save();
    }

    static TrainingJobConfig config(SageMakerEmulator emulator, String baseJobName) {
        TrainingJobConfig config = new TrainingJobConfig();
        config.setBaseJobName(baseJobName);
        config.setTrainingImage("123456789012.dkr.ecr.us-east-2.amazonaws.com/trainer:1.0");
        config.setRoleArn("arn:aws:iam::123456789012:role/SageMakerTraining");
        config.setInstanceType("ml.m5.xlarge");
        config.setOutputPath("s3://example-bucket/output");
        config.setHyperparameters(List.of(new HyperparameterConfig("eta", "0.10")));
        config.setChannels(List.of(new ChannelConfig("train", "s3://example-bucket/train")));
        config.setRegion(emulator.region());
        config.setCredentialsId(CREDENTIALS_ID);
        config.setEndpointUrl(emulator.endpoint().toString());
        config.setS3EndpointUrl(emulator.s3Endpoint().toString());
        config.setPollIntervalSeconds(1);
        config.setMaxPollIntervalSeconds(1);
        return config;
    }

    /** The same arguments as {@link #config} in Pipeline syntax. */
    static String pipelineArguments(SageMakerEmulator emulator, String baseJobName) {
        return """
                baseJobName: '%s',
                trainingImage: '123456789012.dkr.ecr.us-east-2.amazonaws.com/trainer:1.0',
                roleArn: 'arn:aws:iam::123456789012:role/SageMakerTraining',
                instanceType: 'ml.m5.xlarge',
                outputPath: 's3://example-bucket/output',
                hyperparameters: [[name: 'eta', value: '0.10']],
                channels: [[name: 'train', s3Uri: 's3://example-bucket/train']],
                region: '%s', credentialsId: '%s',
                endpointUrl: '%s', s3EndpointUrl: '%s',
                pollIntervalSeconds: 1, maxPollIntervalSeconds: 1
                """.formatted(baseJobName, emulator.region(), CREDENTIALS_ID, emulator.endpoint(), emulator.s3Endpoint());
    }

    private EmulatorFixture() {
    }
}
