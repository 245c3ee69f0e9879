package io.jenkins.plugins.sagemaker.engine.request;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import io.jenkins.plugins.sagemaker.engine.spec.SpecFixtures;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.SpecValidator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;

/** Sends a built request through the real SDK to the local emulator and reads the hyperparameters back. */
class HyperparameterWireTest {

    private SageMakerEmulator emulator;
    private SageMakerClient sageMaker;

    @BeforeEach
    void startEmulator() {
        emulator = SageMakerEmulator.start();
        sageMaker = SageMakerClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(Region.of(emulator.region()))
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())))
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
    }

    @AfterEach
    void stopEmulator() {
        sageMaker.close();
        emulator.close();
    }

    @Test
    void hyperparametersArriveExactlyAsEntered() {
        TrainingJobSpec spec = SpecValidator.requireValid(SpecFixtures.validImageJob()
                .hyperparameters(List.of())
                .hyperparameter("eta", "0.10")
                .hyperparameter("alpha", "1e-3")
                .hyperparameter("early_stopping", "true")
                .hyperparameter("num_round", "010")
                .hyperparameter("objective", "reg:squarederror")
                .hyperparameter("note", " spaced \"quoted\" ")
                .hyperparameter("empty", "")
                .build());

        sageMaker.createTrainingJob(CreateTrainingJobRequests.build(spec, "wire-test-1", "run-1"));
        DescribeTrainingJobResponse described = sageMaker.describeTrainingJob(r -> r.trainingJobName("wire-test-1"));

        assertThat(described.hyperParameters()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "eta", "0.10",
                "alpha", "1e-3",
                "early_stopping", "true",
                "num_round", "010",
                "objective", "reg:squarederror",
                "note", " spaced \"quoted\" ",
                "empty", ""));
    }
}
