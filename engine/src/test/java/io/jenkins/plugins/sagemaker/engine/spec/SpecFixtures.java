package io.jenkins.plugins.sagemaker.engine.spec;

/** Valid specifications for tests; each test changes what it is about. */
public final class SpecFixtures {

    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerRole";
    public static final String IMAGE = "123456789012.dkr.ecr.us-east-2.amazonaws.com/xgboost:1.7-1";

    private SpecFixtures() {
    }

    /** Returns a builder of a valid image job with one channel, two hyperparameters and one tag. */
    public static TrainingJobSpec.Builder validImageJob() {
        return TrainingJobSpec.builder()
                .baseJobName("nightly-retrain")
                .trainingImage(IMAGE)
                .roleArn(ROLE_ARN)
                .instanceType("ml.m5.xlarge")
                .maxRuntime(2, RuntimeUnit.HOURS)
                .channel(ChannelSpec.of("train", "s3://example-bucket/data/train/"))
                .hyperparameter("eta", "0.10")
                .hyperparameter("objective", "reg:squarederror")
                .outputPath("s3://example-bucket/output/")
                .tag("team", "ml-platform");
    }
}
