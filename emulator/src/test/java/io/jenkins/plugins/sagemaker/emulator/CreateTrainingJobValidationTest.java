package io.jenkins.plugins.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.sagemaker.model.AlgorithmSpecification;
import software.amazon.awssdk.services.sagemaker.model.Channel;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.Tag;
import software.amazon.awssdk.services.sagemaker.model.TrainingInputMode;
import software.amazon.awssdk.services.sagemaker.model.VpcConfig;

/** One case per CreateTrainingJob rule: each invalid request is rejected with a message naming the member. */
class CreateTrainingJobValidationTest {

    private static SageMakerEmulator emulator;
    private static AwsClients clients;

    @BeforeAll
    static void startEmulator() {
        emulator = SageMakerEmulator.start();
        clients = new AwsClients(emulator);
    }

    @AfterAll
    static void stopEmulator() {
        clients.close();
        emulator.close();
    }

    static Stream<Arguments> invalidRequests() {
        return Stream.of(
                invalid("name with underscore", r -> r.trainingJobName("bad_name"), "trainingJobName"),
                invalid("name starting with hyphen", r -> r.trainingJobName("-bad"), "trainingJobName"),
                invalid("name of 64 characters", r -> r.trainingJobName("a".repeat(64)), "trainingJobName"),
                invalid("image and algorithm", r -> r.algorithmSpecification(AlgorithmSpecification.builder()
                        .trainingImage("img:1").algorithmName("my-algorithm").trainingInputMode(TrainingInputMode.FILE).build()),
                        "exactly one of TrainingImage and AlgorithmName"),
                invalid("neither image nor algorithm", r -> r.algorithmSpecification(AlgorithmSpecification.builder()
                        .trainingInputMode(TrainingInputMode.FILE).build()), "exactly one of TrainingImage and AlgorithmName"),
                invalid("missing input mode", r -> r.algorithmSpecification(AlgorithmSpecification.builder()
                        .trainingImage("img:1").build()), "algorithmSpecification.trainingInputMode"),
                invalid("role that is not an IAM role", r -> r.roleArn("arn:aws:iam::123456789012:user/someone"), "roleArn"),
                invalid("21 channels", r -> r.inputDataConfig(channels(21)), "inputDataConfig"),
                invalid("duplicate channel", r -> r.inputDataConfig(
                        TrainingJobRequests.channel("train", "s3://example-bucket/a/"),
                        TrainingJobRequests.channel("train", "s3://example-bucket/b/")), "channel name train"),
                invalid("channel name with space", r -> r.inputDataConfig(
                        TrainingJobRequests.channel("my channel", "s3://example-bucket/a/")), "channelName"),
                invalid("channel name of 65 characters", r -> r.inputDataConfig(
                        TrainingJobRequests.channel("c".repeat(65), "s3://example-bucket/a/")), "channelName"),
                invalid("channel URI without scheme", r -> r.inputDataConfig(
                        TrainingJobRequests.channel("train", "example-bucket/a/")), "s3Uri"),
                invalid("101 hyperparameters", r -> r.hyperParameters(stringMap(101, 5, 5)), "hyperParameters"),
                invalid("hyperparameter key of 257 characters", r -> r.hyperParameters(Map.of("k".repeat(257), "1")), "hyperParameters"),
                invalid("hyperparameter value of 2501 characters", r -> r.hyperParameters(Map.of("k", "v".repeat(2501))), "hyperParameters"),
                invalid("51 tags", r -> r.tags(tags(51)), "tags"),
                invalid("empty tag key", r -> r.tags(Tag.builder().key("").value("v").build()), "tags.1.member.key"),
                invalid("tag key of 129 characters", r -> r.tags(Tag.builder().key("k".repeat(129)).value("v").build()), "tags.1.member.key"),
                invalid("tag value of 257 characters", r -> r.tags(Tag.builder().key("k").value("v".repeat(257)).build()), "tags.1.member.value"),
                invalid("no subnets", r -> r.vpcConfig(VpcConfig.builder().securityGroupIds("sg-1").subnets(List.of()).build()), "vpcConfig.subnets"),
                invalid("17 subnets", r -> r.vpcConfig(VpcConfig.builder().securityGroupIds("sg-1").subnets(ids("subnet-", 17)).build()), "vpcConfig.subnets"),
                invalid("no security groups", r -> r.vpcConfig(VpcConfig.builder().securityGroupIds(List.of()).subnets("subnet-1").build()), "vpcConfig.securityGroupIds"),
                invalid("6 security groups", r -> r.vpcConfig(VpcConfig.builder().securityGroupIds(ids("sg-", 6)).subnets("subnet-1").build()), "vpcConfig.securityGroupIds"),
                invalid("zero instances", r -> r.resourceConfig(c -> c.instanceType("ml.m5.xlarge").instanceCount(0).volumeSizeInGB(10)), "resourceConfig.instanceCount"),
                invalid("zero volume", r -> r.resourceConfig(c -> c.instanceType("ml.m5.xlarge").instanceCount(1).volumeSizeInGB(0)), "resourceConfig.volumeSizeInGB"),
                invalid("zero max runtime", r -> r.stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(0).build()), "maxRuntimeInSeconds"),
                invalid("max runtime over 28 days", r -> r.stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(2_419_201).build()), "maxRuntimeInSeconds"),
                invalid("max wait without spot", r -> r.stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(60).maxWaitTimeInSeconds(120).build()), "maxWaitTimeInSeconds"),
                invalid("spot without max wait", r -> r.enableManagedSpotTraining(true), "maxWaitTimeInSeconds"),
                invalid("max wait below max runtime", r -> r.enableManagedSpotTraining(true)
                        .stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(600).maxWaitTimeInSeconds(300).build()), "maxWaitTimeInSeconds"),
                invalid("missing output config", r -> r.outputDataConfig((software.amazon.awssdk.services.sagemaker.model.OutputDataConfig) null), "outputDataConfig"),
                invalid("missing resource config", r -> r.resourceConfig((software.amazon.awssdk.services.sagemaker.model.ResourceConfig) null), "resourceConfig"),
                invalid("unknown algorithm", r -> r.algorithmSpecification(AlgorithmSpecification.builder()
                        .algorithmName("no-such-algorithm").trainingInputMode(TrainingInputMode.FILE).build()),
                        "Algorithm arn:aws:sagemaker:us-east-2:123456789012:algorithm/no-such-algorithm does not exist."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRequests")
    void invalidRequestIsRejected(String description, UnaryOperator<CreateTrainingJobRequest.Builder> change, String expectedFragment) {
        CreateTrainingJobRequest request = change.apply(TrainingJobRequests.imageJob("validation-job")).build();

        assertThatThrownBy(() -> clients.sageMaker.createTrainingJob(request))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(expectedFragment);
                });
    }

    @Test
    void limitsThemselvesAreAccepted() {
        CreateTrainingJobRequest request = TrainingJobRequests.imageJob("a".repeat(63))
                .inputDataConfig(channels(20))
                .hyperParameters(stringMap(100, 256, 2500))
                .tags(tags(50))
                .vpcConfig(VpcConfig.builder().securityGroupIds(ids("sg-", 5)).subnets(ids("subnet-", 16)).build())
                .stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(2_419_200).build())
                .build();

        String arn = clients.sageMaker.createTrainingJob(request).trainingJobArn();

        assertThat(arn).endsWith(":training-job/" + "a".repeat(63));
    }

    private static Arguments invalid(String description, UnaryOperator<CreateTrainingJobRequest.Builder> change, String fragment) {
        return Arguments.of(description, change, fragment);
    }

    private static List<Channel> channels(int count) {
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            channels.add(TrainingJobRequests.channel("channel-" + i, "s3://example-bucket/data/" + i + "/"));
        }
        return channels;
    }

    /** Returns {@code count} entries whose keys and values are padded to the given lengths. */
    private static Map<String, String> stringMap(int count, int keyLength, int valueLength) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String key = String.format("%0" + keyLength + "d", i);
            map.put(key, "v".repeat(valueLength));
        }
        return map;
    }

    private static List<Tag> tags(int count) {
        return IntStream.range(0, count).mapToObj(i -> Tag.builder().key("key-" + i).value("value").build()).toList();
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }
}
