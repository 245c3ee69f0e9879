package io.jenkins.plugins.sagemaker.engine.algorithm;

import io.jenkins.plugins.sagemaker.emulator.AlgorithmDefinition;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientFactory;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientSettings;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * An emulator on 127.0.0.1 with the test algorithms registered, a bucket with training data, and
 * real SDK clients pointed at it. The SDK makes one attempt per call, so a fault shows at once.
 */
public final class AlgorithmEmulator implements AutoCloseable {

    public static final String BUCKET = "example-bucket";
    public static final String ROLE_ARN = "arn:aws:iam::123456789012:role/SageMakerTrainingRole";
    /** Algorithm with three channels, no distributed training and five hyperparameters. */
    public static final String FULL_ALGORITHM = "full-algorithm";
    public static final String MARKETPLACE_ACCOUNT = "987654321098";
    public static final String MARKETPLACE_ARN = "arn:aws:sagemaker:us-east-2:" + MARKETPLACE_ACCOUNT
            + ":algorithm/market-algorithm";

    public final SageMakerEmulator emulator;
    public final AwsClientFactory clients;
    public final SageMakerClient sageMaker;

    public AlgorithmEmulator() {
        emulator = SageMakerEmulator.start();
        emulator.registerAlgorithm(fullAlgorithm());
        emulator.registerAlgorithm(marketplaceAlgorithm());
        emulator.createBucket(BUCKET);
        emulator.putObject(BUCKET, "train/data.csv", "1,2,3\n".getBytes(StandardCharsets.UTF_8));
        emulator.putObject(BUCKET, "validation/data.csv", "4,5,6\n".getBytes(StandardCharsets.UTF_8));
        clients = AwsClientFactory.create(AwsClientSettings.builder()
                .region(emulator.region())
                .sageMakerEndpoint(emulator.endpoint())
                .s3Endpoint(emulator.s3Endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())))
                .maxAttempts(1)
                .build());
        sageMaker = clients.sageMaker();
    }

    /** A job that fits {@link #FULL_ALGORITHM}: one training channel and the required num_classes. */
    public static TrainingJobSpec.Builder fullAlgorithmJob() {
        return TrainingJobSpec.builder()
                .baseJobName("algorithm-check")
                .algorithm(FULL_ALGORITHM)
                .roleArn(ROLE_ARN)
                .instanceType("ml.m5.xlarge")
                .channel(ChannelSpec.builder()
                        .name("training")
                        .s3Uri("s3://" + BUCKET + "/train/")
                        .contentType("text/csv")
                        .build())
                .hyperparameter("num_classes", "3")
                .outputPath("s3://" + BUCKET + "/output/");
    }

    static AlgorithmDefinition fullAlgorithm() {
        return AlgorithmDefinition.builder()
                .name(FULL_ALGORITHM)
                .trainingSpecificationJson("""
                        {
                          "TrainingImage": "123456789012.dkr.ecr.us-east-2.amazonaws.com/full-algorithm:2.0",
                          "SupportedHyperParameters": [
                            {"Name": "epochs", "Type": "Integer", "IsRequired": false, "DefaultValue": "10",
                             "Range": {"IntegerParameterRangeSpecification": {"MinValue": "1", "MaxValue": "100"}}},
                            {"Name": "learning_rate", "Type": "Continuous", "IsRequired": false,
                             "Range": {"ContinuousParameterRangeSpecification": {"MinValue": "0.0001", "MaxValue": "1.0"}}},
                            {"Name": "optimizer", "Type": "Categorical", "IsRequired": false, "DefaultValue": "sgd",
                             "Range": {"CategoricalParameterRangeSpecification": {"Values": ["sgd", "adam"]}}},
                            {"Name": "num_classes", "Type": "Integer", "IsRequired": true,
                             "Range": {"IntegerParameterRangeSpecification": {"MinValue": "2", "MaxValue": "1000"}}},
                            {"Name": "notes", "Type": "FreeText", "IsRequired": false}
                          ],
                          "SupportedTrainingInstanceTypes": ["ml.m5.xlarge", "ml.m5.2xlarge", "ml.p3.2xlarge"],
                          "SupportsDistributedTraining": false,
                          "TrainingChannels": [
                            {"Name": "training", "IsRequired": true,
                             "SupportedContentTypes": ["text/csv", "application/x-recordio-protobuf"],
                             "SupportedCompressionTypes": ["None", "Gzip"],
                             "SupportedInputModes": ["File", "Pipe"]},
                            {"Name": "validation", "IsRequired": false,
                             "SupportedContentTypes": ["text/csv"],
                             "SupportedCompressionTypes": ["None"],
                             "SupportedInputModes": ["File"]},
                            {"Name": "model", "IsRequired": false,
                             "SupportedContentTypes": ["application/x-model"],
                             "SupportedCompressionTypes": ["Gzip"],
                             "SupportedInputModes": ["File"]}
                          ]
                        }
                        """)
                .build();
    }

    static AlgorithmDefinition marketplaceAlgorithm() {
        return AlgorithmDefinition.builder()
                .name("market-algorithm")
                .productId("prod-example1234")
                .accountId(MARKETPLACE_ACCOUNT)
                .trainingSpecificationJson("""
                        {
                          "TrainingImage": "987654321098.dkr.ecr.us-east-2.amazonaws.com/market-algorithm:1.0",
                          "SupportedTrainingInstanceTypes": ["ml.m5.xlarge"],
                          "SupportsDistributedTraining": true,
                          "TrainingChannels": [
                            {"Name": "training", "IsRequired": true, "SupportedContentTypes": ["text/csv"],
                             "SupportedInputModes": ["File"]}
                          ]
                        }
                        """)
                .build();
    }

    @Override
    public void close() {
        sageMaker.close();
        clients.close();
        emulator.close();
    }

    /** Records printed lines; warnings start with {@code WARN }. */
    public static final class RecordingSink implements LogSink {

        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

        @Override
        public void info(String line) {
            lines.add(line);
        }

        @Override
        public void warn(String line) {
            lines.add("WARN " + line);
        }

        public List<String> lines() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}
