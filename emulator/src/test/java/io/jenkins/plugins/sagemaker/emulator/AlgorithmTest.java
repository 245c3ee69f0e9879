package io.jenkins.plugins.sagemaker.emulator;

import static io.jenkins.plugins.sagemaker.emulator.TrainingJobRequests.BUCKET;
import static io.jenkins.plugins.sagemaker.emulator.TrainingJobRequests.TRAINING_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSummary;
import software.amazon.awssdk.services.sagemaker.model.DescribeAlgorithmResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterSpecification;
import software.amazon.awssdk.services.sagemaker.model.ListAlgorithmsResponse;
import software.amazon.awssdk.services.sagemaker.model.MetricData;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

class AlgorithmTest {

    private static final String MARKETPLACE_SPECIFICATION = """
            {
              "TrainingImage": "111122223333.dkr.ecr.us-east-2.amazonaws.com/vendor-algorithm:2",
              "SupportedHyperParameters": [
                {"Name": "mode", "Type": "Categorical", "IsTunable": false, "IsRequired": true,
                 "Range": {"CategoricalParameterRangeSpecification": {"Values": ["fast", "exact"]}}}
              ],
              "SupportedTrainingInstanceTypes": ["ml.m5.xlarge"],
              "SupportsDistributedTraining": false,
              "MetricDefinitions": [{"Name": "validation:auc", "Regex": "auc=([0-9.]+)"}],
              "TrainingChannels": [
                {"Name": "training", "IsRequired": true, "SupportedContentTypes": ["text/csv"],
                 "SupportedCompressionTypes": ["None"], "SupportedInputModes": ["File"]}
              ]
            }
            """;

    private SageMakerEmulator emulator;
    private AwsClients clients;
    private ManualClock clock;

    @BeforeEach
    void startEmulator() {
        clock = EmulatorClock.manual(Instant.parse("2025-03-01T10:00:00Z"));
        emulator = SageMakerEmulator.start(EmulatorConfig.builder().clock(clock).build());
        clients = new AwsClients(emulator);
        emulator.createBucket(BUCKET);
        emulator.putObject(BUCKET, TRAINING_PREFIX + "part-0.csv", "1,2\n".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopEmulator() {
        clients.close();
        emulator.close();
    }

    @Test
    void defaultAlgorithmIsDescribed() {
        DescribeAlgorithmResponse algorithm = clients.sageMaker.describeAlgorithm(request -> request.algorithmName("my-algorithm"));

        assertThat(algorithm.algorithmName()).isEqualTo("my-algorithm");
        assertThat(algorithm.algorithmArn()).isEqualTo("arn:aws:sagemaker:us-east-2:123456789012:algorithm/my-algorithm");
        assertThat(algorithm.algorithmStatusAsString()).isEqualTo("Completed");
        assertThat(algorithm.productId()).isNull();
        assertThat(algorithm.creationTime()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(algorithm.trainingSpecification().supportedTrainingInstanceTypesAsStrings())
                .containsExactly("ml.c4.xlarge", "ml.m5.xlarge", "ml.m5.2xlarge", "ml.p3.2xlarge");
        assertThat(algorithm.trainingSpecification().supportsDistributedTraining()).isTrue();
        assertThat(algorithm.trainingSpecification().trainingChannels()).singleElement().satisfies(channel -> {
            assertThat(channel.name()).isEqualTo("training");
            assertThat(channel.isRequired()).isTrue();
            assertThat(channel.supportedContentTypes()).containsExactly("text/csv", "application/x-recordio-protobuf");
            assertThat(channel.supportedCompressionTypesAsStrings()).containsExactly("None", "Gzip");
            assertThat(channel.supportedInputModesAsStrings()).containsExactly("File", "Pipe");
        });
        HyperParameterSpecification epochs = algorithm.trainingSpecification().supportedHyperParameters().get(0);
        assertThat(epochs.name()).isEqualTo("epochs");
        assertThat(epochs.typeAsString()).isEqualTo("Integer");
        assertThat(epochs.range().integerParameterRangeSpecification().minValue()).isEqualTo("1");
        assertThat(epochs.range().integerParameterRangeSpecification().maxValue()).isEqualTo("100");
        assertThat(epochs.defaultValue()).isEqualTo("10");
        assertThat(algorithm.trainingSpecification().supportedHyperParameters().get(1).range()
                .continuousParameterRangeSpecification().minValue()).isEqualTo("0.0001");
    }

    @Test
    void algorithmIsFoundByArn() {
        DescribeAlgorithmResponse algorithm = clients.sageMaker.describeAlgorithm(request -> request
                .algorithmName("arn:aws:sagemaker:us-east-2:123456789012:algorithm/my-algorithm"));

        assertThat(algorithm.algorithmName()).isEqualTo("my-algorithm");
    }

    @Test
    void unknownAlgorithmIsRejected() {
        assertThatThrownBy(() -> clients.sageMaker.describeAlgorithm(request -> request.algorithmName("missing")))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("Algorithm arn:aws:sagemaker:us-east-2:123456789012:algorithm/missing does not exist.");
                });
    }

    @Test
    void marketplaceAlgorithmHasProductId() {
        emulator.registerAlgorithm(marketplaceAlgorithm());

        DescribeAlgorithmResponse algorithm = clients.sageMaker.describeAlgorithm(request -> request
                .algorithmName("arn:aws:sagemaker:us-east-2:111122223333:algorithm/vendor-algorithm"));

        assertThat(algorithm.productId()).isEqualTo("prod-abcdefghijklm");
        assertThat(algorithm.certifyForMarketplace()).isTrue();
        assertThat(algorithm.algorithmDescription()).isEqualTo("Vendor algorithm");
    }

    @Test
    void listAlgorithmsPages() {
        for (int i = 0; i < 4; i++) {
            clock.advance(Duration.ofSeconds(1));
            emulator.registerAlgorithm(AlgorithmDefinition.builder()
                    .name("extra-" + i)
                    .trainingSpecificationJson("{\"TrainingImage\": \"img:" + i + "\"}")
                    .build());
        }

        List<String> names = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            String nextToken = token;
            ListAlgorithmsResponse page = clients.sageMaker.listAlgorithms(request -> request.maxResults(2).nextToken(nextToken));
            page.algorithmSummaryList().stream().map(AlgorithmSummary::algorithmName).forEach(names::add);
            token = page.nextToken();
            pages++;
        } while (token != null);

        assertThat(names).containsExactly("my-algorithm", "extra-0", "extra-1", "extra-2", "extra-3");
        assertThat(pages).isEqualTo(3);
        assertThat(clients.sageMaker.listAlgorithms(request -> request.nameContains("EXTRA").sortOrder("Descending"))
                .algorithmSummaryList()).extracting(AlgorithmSummary::algorithmName)
                .containsExactly("extra-3", "extra-2", "extra-1", "extra-0");
    }

    @Test
    void algorithmJobUsesAlgorithmMetricsAndDefaults() {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.algorithmJob("algo-job")
                .hyperParameters(Map.of("learning_rate", "0.1"))
                .resourceConfig(c -> c.instanceType("ml.m5.xlarge").instanceCount(2).volumeSizeInGB(10))
                .build());

        clock.advance(Duration.ofMinutes(5));

        DescribeTrainingJobResponse job = clients.sageMaker.describeTrainingJob(request -> request.trainingJobName("algo-job"));
        assertThat(job.trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(job.algorithmSpecification().algorithmName()).isEqualTo("my-algorithm");
        assertThat(job.hyperParameters()).containsEntry("epochs", "10").containsEntry("learning_rate", "0.1");
        assertThat(job.finalMetricDataList()).singleElement().satisfies(metric -> {
            assertThat(metric.metricName()).isEqualTo("train:loss");
            assertThat(metric.value()).isEqualTo(0.25f);
        });
    }

    @Test
    void undeclaredChannelIsRejected() {
        assertRejected(TrainingJobRequests.algorithmJob("bad-channel")
                        .inputDataConfig(TrainingJobRequests.channel("training", "s3://example-bucket/a/"),
                                TrainingJobRequests.channel("validation", "s3://example-bucket/b/")),
                "Channel validation is not supported by algorithm arn:aws:sagemaker:us-east-2:123456789012:algorithm/my-algorithm");
    }

    @Test
    void missingRequiredChannelIsRejected() {
        assertRejected(TrainingJobRequests.algorithmJob("no-channel").inputDataConfig(List.of()),
                "Channel training is required");
    }

    @Test
    void unsupportedContentTypeIsRejected() {
        assertRejected(TrainingJobRequests.algorithmJob("bad-content")
                        .inputDataConfig(TrainingJobRequests.channel("training", "s3://example-bucket/a/").toBuilder()
                                .contentType("application/json").build()),
                "content type application/json");
    }

    @Test
    void unsupportedInstanceTypeIsRejected() {
        assertRejected(TrainingJobRequests.algorithmJob("bad-instance")
                        .resourceConfig(c -> c.instanceType("ml.t3.medium").instanceCount(1).volumeSizeInGB(10)),
                "Instance type ml.t3.medium is not supported by algorithm");
    }

    @Test
    void hyperParameterOutOfRangeIsRejected() {
        assertRejected(TrainingJobRequests.algorithmJob("bad-epochs").hyperParameters(Map.of("epochs", "500")),
                "Hyperparameter epochs has the invalid value 500");
        assertRejected(TrainingJobRequests.algorithmJob("bad-rate").hyperParameters(Map.of("learning_rate", "fast")),
                "Hyperparameter learning_rate has the invalid value fast");
        assertRejected(TrainingJobRequests.algorithmJob("bad-name").hyperParameters(Map.of("depth", "3")),
                "Hyperparameter depth is not supported");
    }

    @Test
    void marketplaceJobNeedsNetworkIsolation() {
        emulator.registerAlgorithm(marketplaceAlgorithm());
        String arn = "arn:aws:sagemaker:us-east-2:111122223333:algorithm/vendor-algorithm";

        assertRejected(TrainingJobRequests.algorithmJob("no-isolation")
                        .algorithmSpecification(spec -> spec.algorithmName(arn).trainingInputMode("File"))
                        .hyperParameters(Map.of("mode", "fast")),
                "must run with network isolation");

        clients.sageMaker.createTrainingJob(TrainingJobRequests.algorithmJob("isolated")
                .algorithmSpecification(spec -> spec.algorithmName(arn).trainingInputMode("File"))
                .hyperParameters(Map.of("mode", "fast"))
                .enableNetworkIsolation(true)
                .build());
        assertRejected(TrainingJobRequests.algorithmJob("two-hosts")
                        .algorithmSpecification(spec -> spec.algorithmName(arn).trainingInputMode("File"))
                        .hyperParameters(Map.of("mode", "fast"))
                        .enableNetworkIsolation(true)
                        .resourceConfig(c -> c.instanceType("ml.m5.xlarge").instanceCount(2).volumeSizeInGB(10)),
                "does not support distributed training");
        assertRejected(TrainingJobRequests.algorithmJob("no-mode")
                        .algorithmSpecification(spec -> spec.algorithmName(arn).trainingInputMode("File"))
                        .enableNetworkIsolation(true),
                "Hyperparameter mode is required");
    }

    @Test
    void metricDefinitionOfAlgorithmApplies() {
        emulator.registerAlgorithm(marketplaceAlgorithm());
        emulator.planJobs("vendor-", JobPlan.builder().logLines(1, List.of("auc=0.81", "auc=0.86", "done")).build());
        clients.sageMaker.createTrainingJob(TrainingJobRequests.algorithmJob("vendor-job")
                .algorithmSpecification(spec -> spec.algorithmName("arn:aws:sagemaker:us-east-2:111122223333:algorithm/vendor-algorithm")
                        .trainingInputMode("File"))
                .hyperParameters(Map.of("mode", "exact"))
                .enableNetworkIsolation(true)
                .build());

        clock.advance(Duration.ofMinutes(5));

        List<MetricData> metrics = clients.sageMaker.describeTrainingJob(request -> request.trainingJobName("vendor-job"))
                .finalMetricDataList();
        assertThat(metrics).singleElement().satisfies(metric -> {
            assertThat(metric.metricName()).isEqualTo("validation:auc");
            assertThat(metric.value()).isEqualTo(0.86f);
        });
    }

    private void assertRejected(software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest.Builder request, String fragment) {
        assertThatThrownBy(() -> clients.sageMaker.createTrainingJob(request.build()))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(fragment);
                });
    }

    private static AlgorithmDefinition marketplaceAlgorithm() {
        return AlgorithmDefinition.builder()
                .name("vendor-algorithm")
                .description("Vendor algorithm")
                .accountId("111122223333")
                .productId("prod-abcdefghijklm")
                .certifyForMarketplace(true)
                .trainingSpecificationJson(MARKETPLACE_SPECIFICATION)
                .build();
    }
}
