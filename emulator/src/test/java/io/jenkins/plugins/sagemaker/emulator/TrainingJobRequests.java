package io.jenkins.plugins.sagemaker.emulator;

import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DataSource;
import software.amazon.awssdk.services.sagemaker.model.MetricDefinition;
import software.amazon.awssdk.services.sagemaker.model.OutputDataConfig;
import software.amazon.awssdk.services.sagemaker.model.ResourceConfig;
import software.amazon.awssdk.services.sagemaker.model.S3DataSource;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;

/** Valid CreateTrainingJob requests that tests modify one member at a time. */
final class TrainingJobRequests {

    static final String BUCKET = "example-bucket";
    static final String ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole";
    static final String IMAGE = "123456789012.dkr.ecr.us-east-2.amazonaws.com/my-image:latest";
    static final String TRAINING_PREFIX = "data/train/";

    private TrainingJobRequests() {
    }

    /** Returns an image job with channel "train" reading s3://example-bucket/data/train/ and a train:loss metric. */
    static CreateTrainingJobRequest.Builder imageJob(String name) {
        return CreateTrainingJobRequest.builder()
                .trainingJobName(name)
                .algorithmSpecification(AlgorithmSpecification.builder()
                        .trainingImage(IMAGE)
                        .trainingInputMode(TrainingInputMode.FILE)
                        .metricDefinitions(MetricDefinition.builder().name("train:loss").regex("train:loss <loss>=([0-9.]+)").build())
                        .build())
                .roleArn(ROLE_ARN)
                .inputDataConfig(channel("train", "s3://" + BUCKET + "/" + TRAINING_PREFIX))
                .outputDataConfig(OutputDataConfig.builder().s3OutputPath("s3://" + BUCKET + "/output").build())
                .resourceConfig(ResourceConfig.builder().instanceType("ml.m5.xlarge").instanceCount(1).volumeSizeInGB(10).build())
                .stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(3600).build());
    }

    /** Returns a job of the emulator's default algorithm my-algorithm with its required channel "training". */
    static CreateTrainingJobRequest.Builder algorithmJob(String name) {
        return imageJob(name)
                .algorithmSpecification(AlgorithmSpecification.builder()
                        .algorithmName("my-algorithm")
                        .trainingInputMode(TrainingInputMode.FILE)
                        .build())
                .inputDataConfig(channel("training", "s3://" + BUCKET + "/" + TRAINING_PREFIX));
    }

    static Channel channel(String name, String s3Uri) {
        return Channel.builder()
                .channelName(name)
                .contentType("text/csv")
                .dataSource(DataSource.builder()
                        .s3DataSource(S3DataSource.builder().s3DataType("S3Prefix").s3Uri(s3Uri).build())
                        .build())
                .build();
    }
}
