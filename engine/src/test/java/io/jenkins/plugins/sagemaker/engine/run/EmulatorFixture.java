package io.jenkins.plugins.sagemaker.engine.run;

import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import io.jenkins.plugins.sagemaker.emulator.ManualClock;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientFactory;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DataSource;
import software.amazon.awssdk.services.sagemaker.model.MetricDefinition;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;

/**
 * An emulator on a manual clock with the bucket and training data that jobs need, and a SageMaker
 * client from {@link AwsClientFactory}. The sleeper advances the emulator's clock instead of
 * waiting, so a job of several emulated minutes follows in milliseconds.
 */
final class EmulatorFixture implements AutoCloseable {

    static final String BUCKET = "example-bucket";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerTrainingRole";

    final SageMakerEmulator emulator;
    final ManualClock clock;
    final SageMakerClient sageMaker;

    private final Map<String, Integer> callsBefore = new HashMap<>();

    /**
     * Starts an emulator whose client makes one attempt per call, so the engine's own retries are
     * tested. Test classes share one emulator and use distinct job names.
     */
    EmulatorFixture() {
        emulator = SageMakerEmulator.start();
        clock = emulator.manualClock();
        emulator.createBucket(BUCKET);
        emulator.putObject(BUCKET, "train/data.csv", "1,2,3\n".getBytes(StandardCharsets.UTF_8));
        sageMaker = sageMakerClient(1);
    }

    /** Builds a SageMaker client through {@link AwsClientFactory}; the caller closes it. */
    SageMakerClient sageMakerClient(int sdkMaxAttempts) {
        AwsClientSettings settings = AwsClientSettings.builder()
                .region(emulator.region())
                .sageMakerEndpoint(emulator.endpoint())
                .s3Endpoint(emulator.s3Endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())))
                .maxAttempts(sdkMaxAttempts)
                .build();
        try (AwsClientFactory factory = AwsClientFactory.create(settings)) {
            return factory.sageMaker();
        }
    }

    /** Clears pending faults and starts counting calls from zero, before each test. */
    void reset() {
        emulator.faults().clear();
        callsBefore.clear();
        for (String call : emulator.calls()) {
            callsBefore.merge(call, 1, Integer::sum);
        }
    }

    /** Calls of {@code operation} since the last {@link #reset()}. */
    int callCount(String operation) {
        return emulator.callCount(operation) - callsBefore.getOrDefault(operation, 0);
    }

    /** Run settings on the emulator's clock with a sleeper that advances it. */
    RunSettings.Builder settings() {
        return RunSettings.builder()
                .clock(emulatorClock())
                .sleeper(advancingSleeper());
    }

    Sleeper advancingSleeper() {
        return (duration, cancellation) -> clock.advance(duration);
    }

    Clock emulatorClock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException("The emulator clock is UTC only");
            }

            @Override
            public Instant instant() {
                return emulator.clock().now();
            }
        };
    }

    void planJobs(String prefix, JobPlan plan) {
        emulator.planJobs(prefix, plan);
    }

    /** A valid CreateTrainingJob request that trains on {@code s3://example-bucket/train/}. */
    static CreateTrainingJobRequest request(String jobName) {
        return request(jobName, Duration.ofHours(1));
    }

    static CreateTrainingJobRequest request(String jobName, Duration maxRuntime) {
        return CreateTrainingJobRequest.builder()
                .trainingJobName(jobName)
                .roleArn(ROLE_ARN)
                .algorithmSpecification(AlgorithmSpecification.builder()
                        .trainingImage("123456789012.dkr.ecr.us-east-2.amazonaws.com/xgboost:1.7")
                        .trainingInputMode("File")
                        .metricDefinitions(MetricDefinition.builder()
                                .name("validation:rmse")
                                .regex("validation-rmse:([0-9.]+)")
                                .build())
                        .build())
                .inputDataConfig(Channel.builder()
                        .channelName("train")
                        .dataSource(DataSource.builder()
                                .s3DataSource(S3DataSource.builder()
                                        .s3DataType("S3Prefix")
                                        .s3Uri("s3://" + BUCKET + "/train/")
                                        .build())
                                .build())
                        .build())
                .outputDataConfig(OutputDataConfig.builder().s3OutputPath("s3://" + BUCKET + "/output/").build())
                .resourceConfig(ResourceConfig.builder()
                        .instanceType("ml.m5.large")
                        .instanceCount(1)
                        .volumeSizeInGB(10)
                        .build())
                .stoppingCondition(StoppingCondition.builder()
                        .maxRuntimeInSeconds((int) maxRuntime.getSeconds())
                        .build())
                .build();
    }

    @Override
    public void close() {
        sageMaker.close();
        emulator.close();
    }
}
