package io.jenkins.plugins.sagemaker.engine.request;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.CompressionType;
import io.jenkins.plugins.sagemaker.engine.spec.RecordWrapperType;
import io.jenkins.plugins.sagemaker.engine.spec.RuntimeUnit;
import io.jenkins.plugins.sagemaker.engine.spec.S3DataDistributionType;
import io.jenkins.plugins.sagemaker.engine.spec.S3DataType;
import io.jenkins.plugins.sagemaker.engine.spec.SpecFixtures;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingInputMode;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.Tag;

class CreateTrainingJobRequestsTest {

    private static final String RUN_ID = "5f0c6e1a-2b3c-4d5e-8f90-123456789abc";

    @Test
    void imageJobMapsEveryField() {
        TrainingJobSpec spec = SpecFixtures.validImageJob()
                .trainingInputMode(TrainingInputMode.FAST_FILE)
                .metricDefinition("validation:rmse", "rmse=([0-9.]+)")
                .instanceCount(2)
                .volumeSizeInGb(50)
                .volumeKmsKeyId("alias/volume")
                .useSpotInstances(true)
                .maxWait(3, RuntimeUnit.HOURS)
                .checkpointS3Uri("s3://example-bucket/checkpoints/")
                .checkpointLocalPath("/opt/ml/checkpoints")
                .subnets(List.of("subnet-0abc1234"))
                .securityGroupIds(List.of("sg-0abc1234"))
                .enableNetworkIsolation(true)
                .enableInterContainerTrafficEncryption(true)
                .environmentVariable("LOG_LEVEL", "debug")
                .outputKmsKeyId("alias/output")
                .build();

        CreateTrainingJobRequest request = CreateTrainingJobRequests.build(spec, "train-1", RUN_ID);

        assertThat(request.trainingJobName()).isEqualTo("train-1");
        assertThat(request.algorithmSpecification().trainingImage()).isEqualTo(SpecFixtures.IMAGE);
        assertThat(request.algorithmSpecification().algorithmName()).isNull();
        assertThat(request.algorithmSpecification().trainingInputModeAsString()).isEqualTo("FastFile");
        assertThat(request.algorithmSpecification().metricDefinitions()).singleElement()
                .satisfies(metric -> {
                    assertThat(metric.name()).isEqualTo("validation:rmse");
                    assertThat(metric.regex()).isEqualTo("rmse=([0-9.]+)");
                });
        assertThat(request.roleArn()).isEqualTo(SpecFixtures.ROLE_ARN);
        assertThat(request.resourceConfig().instanceTypeAsString()).isEqualTo("ml.m5.xlarge");
        assertThat(request.resourceConfig().instanceCount()).isEqualTo(2);
        assertThat(request.resourceConfig().volumeSizeInGB()).isEqualTo(50);
        assertThat(request.resourceConfig().volumeKmsKeyId()).isEqualTo("alias/volume");
        assertThat(request.stoppingCondition().maxRuntimeInSeconds()).isEqualTo(7_200);
        assertThat(request.stoppingCondition().maxWaitTimeInSeconds()).isEqualTo(10_800);
        assertThat(request.enableManagedSpotTraining()).isTrue();
        assertThat(request.checkpointConfig().s3Uri()).isEqualTo("s3://example-bucket/checkpoints/");
        assertThat(request.checkpointConfig().localPath()).isEqualTo("/opt/ml/checkpoints");
        assertThat(request.vpcConfig().subnets()).containsExactly("subnet-0abc1234");
        assertThat(request.vpcConfig().securityGroupIds()).containsExactly("sg-0abc1234");
        assertThat(request.enableNetworkIsolation()).isTrue();
        assertThat(request.enableInterContainerTrafficEncryption()).isTrue();
        assertThat(request.environment()).containsExactly(Map.entry("LOG_LEVEL", "debug"));
        assertThat(request.outputDataConfig().s3OutputPath()).isEqualTo("s3://example-bucket/output/");
        assertThat(request.outputDataConfig().kmsKeyId()).isEqualTo("alias/output");
    }

    @Test
    void algorithmJobSendsNameAsGiven() {
        String arn = "arn:aws:sagemaker:us-east-2:123456789012:algorithm/my-algorithm";
        TrainingJobSpec spec = SpecFixtures.validImageJob().trainingImage(null).algorithm(arn).build();

        CreateTrainingJobRequest request = CreateTrainingJobRequests.build(spec, "train-1", RUN_ID);

        assertThat(request.algorithmSpecification().algorithmName()).isEqualTo(arn);
        assertThat(request.algorithmSpecification().trainingImage()).isNull();
        assertThat(request.algorithmSpecification().trainingInputModeAsString()).isEqualTo("File");
        assertThat(request.algorithmSpecification().hasMetricDefinitions()).isFalse();
    }

    @Test
    void hyperparametersKeepOrderAndText() {
        TrainingJobSpec spec = SpecFixtures.validImageJob()
                .hyperparameters(List.of())
                .hyperparameter("zeta", "0.10")
                .hyperparameter("alpha", "1e-3")
                .hyperparameter("flag", "true")
                .hyperparameter("objective", "reg:squarederror")
                .hyperparameter("padded", "010")
                .build();

        CreateTrainingJobRequest request = CreateTrainingJobRequests.build(spec, "train-1", RUN_ID);

        assertThat(request.hyperParameters()).containsExactly(
                Map.entry("zeta", "0.10"),
                Map.entry("alpha", "1e-3"),
                Map.entry("flag", "true"),
                Map.entry("objective", "reg:squarederror"),
                Map.entry("padded", "010"));
    }

    @Test
    void channelsMapEveryField() {
        TrainingJobSpec spec = SpecFixtures.validImageJob()
                .channels(List.of(
                        ChannelSpec.of("train", "s3://example-bucket/train/"),
                        ChannelSpec.builder()
                                .name("validation")
                                .s3Uri("s3://example-bucket/validation/manifest.json")
                                .contentType("application/x-recordio-protobuf")
                                .compressionType(CompressionType.GZIP)
                                .recordWrapperType(RecordWrapperType.RECORD_IO)
                                .s3DataType(S3DataType.MANIFEST_FILE)
                                .s3DataDistributionType(S3DataDistributionType.SHARDED_BY_S3_KEY)
                                .inputMode(TrainingInputMode.PIPE)
                                .build()))
                .build();

        List<Channel> channels = CreateTrainingJobRequests.build(spec, "train-1", RUN_ID).inputDataConfig();

        Channel train = channels.get(0);
        assertThat(train.channelName()).isEqualTo("train");
        assertThat(train.contentType()).isNull();
        assertThat(train.compressionTypeAsString()).isEqualTo("None");
        assertThat(train.recordWrapperTypeAsString()).isEqualTo("None");
        assertThat(train.inputModeAsString()).isNull();
        assertThat(train.dataSource().s3DataSource().s3DataTypeAsString()).isEqualTo("S3Prefix");
        assertThat(train.dataSource().s3DataSource().s3Uri()).isEqualTo("s3://example-bucket/train/");
        assertThat(train.dataSource().s3DataSource().s3DataDistributionTypeAsString()).isEqualTo("FullyReplicated");

        Channel validation = channels.get(1);
        assertThat(validation.contentType()).isEqualTo("application/x-recordio-protobuf");
        assertThat(validation.compressionTypeAsString()).isEqualTo("Gzip");
        assertThat(validation.recordWrapperTypeAsString()).isEqualTo("RecordIO");
        assertThat(validation.inputModeAsString()).isEqualTo("Pipe");
        assertThat(validation.dataSource().s3DataSource().s3DataTypeAsString()).isEqualTo("ManifestFile");
        assertThat(validation.dataSource().s3DataSource().s3DataDistributionTypeAsString()).isEqualTo("ShardedByS3Key");
    }

    @Test
    void runIdTagFollowsUserTags() {
        TrainingJobSpec spec = SpecFixtures.validImageJob().tag("cost center", "").build();

        List<Tag> tags = CreateTrainingJobRequests.build(spec, "train-1", RUN_ID).tags();

        assertThat(tags).extracting(Tag::key, Tag::value).containsExactly(
                tuple("team", "ml-platform"),
                tuple("cost center", ""),
                tuple("sagemaker-training:run-id", RUN_ID));
    }

    @Test
    void unsetOptionalsAreLeftOut() {
        TrainingJobSpec spec = SpecFixtures.validImageJob().build();

        CreateTrainingJobRequest request = CreateTrainingJobRequests.build(spec, "train-1", RUN_ID);

        assertThat(request.resourceConfig().volumeKmsKeyId()).isNull();
        assertThat(request.outputDataConfig().kmsKeyId()).isNull();
        assertThat(request.checkpointConfig()).isNull();
        assertThat(request.vpcConfig()).isNull();
        assertThat(request.enableManagedSpotTraining()).isNull();
        assertThat(request.stoppingCondition().maxWaitTimeInSeconds()).isNull();
        assertThat(request.hasEnvironment()).isFalse();
    }

    @Test
    void toJsonUsesSageMakerMemberNames() throws Exception {
        TrainingJobSpec spec = SpecFixtures.validImageJob()
                .volumeKmsKeyId("alias/volume")
                .enableNetworkIsolation(true)
                .build();
        CreateTrainingJobRequest request = CreateTrainingJobRequests.build(spec, "train-1", RUN_ID);

        String json = CreateTrainingJobRequests.toJson(request);
        JsonNode tree = new ObjectMapper().readTree(json);

        assertThat(json).contains("\n  \"TrainingJobName\" : \"train-1\"");
        assertThat(tree.path("AlgorithmSpecification").path("TrainingImage").asText()).isEqualTo(SpecFixtures.IMAGE);
        assertThat(tree.path("AlgorithmSpecification").path("TrainingInputMode").asText()).isEqualTo("File");
        assertThat(tree.path("HyperParameters").path("eta").isTextual()).isTrue();
        assertThat(tree.path("HyperParameters").path("eta").asText()).isEqualTo("0.10");
        assertThat(tree.path("ResourceConfig").path("VolumeSizeInGB").asInt()).isEqualTo(30);
        assertThat(tree.path("ResourceConfig").path("VolumeKmsKeyId").asText()).isEqualTo("alias/volume");
        assertThat(tree.path("StoppingCondition").path("MaxRuntimeInSeconds").asInt()).isEqualTo(7_200);
        assertThat(tree.path("EnableNetworkIsolation").asBoolean()).isTrue();
        assertThat(tree.path("InputDataConfig").get(0).path("DataSource").path("S3DataSource").path("S3Uri").asText())
                .isEqualTo("s3://example-bucket/data/train/");
        assertThat(tree.path("Tags").get(1).path("Key").asText()).isEqualTo("sagemaker-training:run-id");
        assertThat(tree.path("OutputDataConfig").path("S3OutputPath").asText()).isEqualTo("s3://example-bucket/output/");
    }

    @Test
    void toJsonLeavesOutUnsetMembers() throws Exception {
        CreateTrainingJobRequest request =
                CreateTrainingJobRequests.build(SpecFixtures.validImageJob().build(), "train-1", RUN_ID);

        JsonNode tree = new ObjectMapper().readTree(CreateTrainingJobRequests.toJson(request));

        assertThat(tree.has("VpcConfig")).isFalse();
        assertThat(tree.has("Environment")).isFalse();
        assertThat(tree.has("CheckpointConfig")).isFalse();
        assertThat(tree.path("OutputDataConfig").has("KmsKeyId")).isFalse();
        assertThat(tree.path("AlgorithmSpecification").has("MetricDefinitions")).isFalse();
    }

    @Test
    void toJsonKeepsHyperparameterOrder() throws Exception {
        TrainingJobSpec spec = SpecFixtures.validImageJob()
                .hyperparameters(List.of())
                .hyperparameter("zeta", "1")
                .hyperparameter("alpha", "2")
                .hyperparameter("mid", "3")
                .build();
        CreateTrainingJobRequest request = CreateTrainingJobRequests.build(spec, "train-1", RUN_ID);

        JsonNode hyperparameters = new ObjectMapper().readTree(CreateTrainingJobRequests.toJson(request))
                .path("HyperParameters");

        assertThat(hyperparameters.fieldNames()).toIterable().containsExactly("zeta", "alpha", "mid");
    }

    @Test
    void invalidJobNameIsRejected() {
        TrainingJobSpec spec = SpecFixtures.validImageJob().build();

        assertThatThrownBy(() -> CreateTrainingJobRequests.build(spec, "bad name", RUN_ID))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("Job name \"bad name\" is invalid: ");
    }

    @Test
    void blankRunIdIsRejected() {
        TrainingJobSpec spec = SpecFixtures.validImageJob().build();

        assertThatThrownBy(() -> CreateTrainingJobRequests.build(spec, "train-1", " "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Run id is missing: pass a unique id such as a UUID.");
    }
}
