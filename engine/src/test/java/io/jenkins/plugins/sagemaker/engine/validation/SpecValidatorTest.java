package io.jenkins.plugins.sagemaker.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.MetricDefinition;
import io.jenkins.plugins.sagemaker.engine.spec.NameValue;
import io.jenkins.plugins.sagemaker.engine.spec.RuntimeUnit;
import io.jenkins.plugins.sagemaker.engine.spec.SpecFixtures;
import io.jenkins.plugins.sagemaker.engine.spec.TagSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TimeAmount;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class SpecValidatorTest {

    private static final String JOB_NAME_LIMIT = "pattern ^[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$, at most 63 characters";
    private static final String ROLE_LIMIT =
            "pattern ^arn:aws[a-z\\-]*:iam::\\d{12}:role/?[a-zA-Z_0-9+=,.@\\-_/]+$, at most 2048 characters";
    private static final String ALGORITHM_ARN_LIMIT = "pattern ^arn:aws[a-z\\-]*:sagemaker:[a-z0-9\\-]+:\\d{12}"
            + ":algorithm/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}$, at most 170 characters";
    private static final String INSTANCE_TYPE_LIMIT = "pattern ^ml\\.[a-z0-9\\-]+\\.[a-z0-9\\-]+$";
    private static final String KMS_FIX = "use a KMS key id, alias or ARN such as alias/my-key or "
            + "arn:aws:kms:us-east-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab";
    private static final String KMS_LIMIT = "pattern ^[a-zA-Z0-9:/_\\-]+$, at most 2048 characters";
    private static final String RUNTIME_LIMIT = "1 second to 28 days, 2,419,200 seconds";
    private static final String S3_LIMIT = "s3://bucket/prefix, bucket 3 to 63 characters, at most 1024 characters";
    private static final String BUCKET_CHARACTERS = "must contain only lowercase letters, digits, dots and hyphens, "
            + "and start and end with a letter or digit";
    private static final String CHANNEL_LIMIT = "pattern [A-Za-z0-9.\\-_]+, at most 64 characters";
    private static final String VPC_LIMIT = "pattern [-0-9a-zA-Z]+, at most 32 characters";
    private static final String ENVIRONMENT_NAME_LIMIT = "pattern [a-zA-Z_][a-zA-Z0-9_]*, at most 512 characters";
    private static final String HYPERPARAMETER_NAME_LIMIT = "1 to 256 characters without line breaks";
    private static final String HYPERPARAMETER_VALUE_LIMIT = "0 to 2,500 characters without line breaks";
    private static final String TAG_KEY_LIMIT = "1 to 128 characters, pattern ^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$, "
            + "not starting with aws:, not sagemaker-training:run-id";
    private static final String TAG_VALUE_LIMIT = "0 to 256 characters, pattern ^[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*$";
    private static final String METRIC_REGEX_LIMIT = "1 to 500 characters, a Java regular expression";

    @Test
    void validSpecHasNoProblems() {
        TrainingJobSpec spec = SpecFixtures.validImageJob()
                .metricDefinition("validation:rmse", "validation-rmse:([0-9.]+)")
                .environmentVariable("LOG_LEVEL", "debug")
                .subnets(List.of("subnet-0abc1234"))
                .securityGroupIds(List.of("sg-0abc1234"))
                .useSpotInstances(true)
                .maxWait(3, RuntimeUnit.HOURS)
                .checkpointS3Uri("s3://example-bucket/checkpoints/")
                .checkpointLocalPath("/opt/ml/checkpoints")
                .volumeKmsKeyId("alias/my-key")
                .outputKmsKeyId("arn:aws:kms:us-east-2:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab")
                .build();

        assertThat(SpecValidator.validate(spec)).isEmpty();
    }

    @Test
    void validAlgorithmJobHasNoProblems() {
        TrainingJobSpec byName = SpecFixtures.validImageJob().trainingImage(null).algorithm("my-algorithm").build();
        TrainingJobSpec byArn = SpecFixtures.validImageJob().trainingImage(null)
                .algorithm("arn:aws:sagemaker:us-east-2:123456789012:algorithm/my-algorithm").build();

        assertThat(SpecValidator.validate(byName)).isEmpty();
        assertThat(SpecValidator.validate(byArn)).isEmpty();
    }

    @Test
    void valuesAtLimitsAreAccepted() {
        TrainingJobSpec spec = SpecFixtures.validImageJob()
                .jobName("a".repeat(63))
                .baseJobName(null)
                .maxRuntime(28, RuntimeUnit.DAYS)
                .volumeSizeInGb(16_384)
                .channels(channels(20))
                .tags(tags(49))
                .hyperparameters(hyperparameters(100))
                .build();

        assertThat(SpecValidator.validate(spec)).isEmpty();
    }

    static Stream<Arguments> badSpecs() {
        return Stream.of(
                // Job name
                bad("job name with a space", b -> b.baseJobName(null).jobName("my job"),
                        "jobName", "jobName \"my job\" is invalid: use letters, digits and hyphens, starting and "
                                + "ending with a letter or digit (" + JOB_NAME_LIMIT + ")."),
                bad("job name starting with a hyphen", b -> b.baseJobName(null).jobName("-job"),
                        "jobName", "jobName \"-job\" is invalid: use letters, digits and hyphens, starting and "
                                + "ending with a letter or digit (" + JOB_NAME_LIMIT + ")."),
                bad("job name with an underscore", b -> b.baseJobName(null).jobName("my_job"),
                        "jobName", "jobName \"my_job\" is invalid: use letters, digits and hyphens, starting and "
                                + "ending with a letter or digit (" + JOB_NAME_LIMIT + ")."),
                bad("job name of 64 characters", b -> b.baseJobName(null).jobName("a".repeat(64)),
                        "jobName", "jobName \"" + "a".repeat(64) + "\" is invalid: shorten it from 64 to at most 63 "
                                + "characters (" + JOB_NAME_LIMIT + ")."),
                bad("no job name and no base", b -> b.baseJobName(null),
                        "jobName", "jobName is missing: set jobName, or baseJobName to derive a unique name for each "
                                + "run (one of jobName and baseJobName)."),
                bad("job name and base both set", b -> b.jobName("train-1"),
                        "jobName", "jobName \"train-1\" and baseJobName \"nightly-retrain\" are both set: set only "
                                + "one of them (one of jobName and baseJobName)."),
                bad("base job name of only symbols", b -> b.baseJobName("!!!"),
                        "baseJobName", "baseJobName \"!!!\" is invalid: include at least one letter or digit, because "
                                + "every other character becomes '-' (at least one of [A-Za-z0-9])."),

                // Algorithm
                bad("no algorithm and no image", b -> b.trainingImage(null),
                        "algorithm", "algorithm is missing: set algorithm to a name or ARN, or trainingImage to an "
                                + "ECR image URI (exactly one of algorithm and trainingImage)."),
                bad("image URI with spaces", b -> b.trainingImage("my image with spaces"),
                        "trainingImage", "trainingImage \"my image with spaces\" is invalid: remove the spaces from the "
                                + "image URI (pattern [\\S]+, no whitespace)."),
                bad("algorithm and image both set", b -> b.algorithm("xgboost"),
                        "algorithm", "algorithm \"xgboost\" and trainingImage \"" + SpecFixtures.IMAGE + "\" are both "
                                + "set: set only one of them (exactly one of algorithm and trainingImage)."),
                bad("algorithm name with an underscore", b -> b.trainingImage(null).algorithm("my_algo"),
                        "algorithm", "algorithm \"my_algo\" is invalid: use an algorithm name of letters, digits and "
                                + "hyphens, or an algorithm ARN (name " + JOB_NAME_LIMIT + ")."),
                bad("algorithm ARN of another service",
                        b -> b.trainingImage(null).algorithm("arn:aws:iam::123456789012:algorithm/x"),
                        "algorithm", "algorithm \"arn:aws:iam::123456789012:algorithm/x\" is invalid: use an algorithm "
                                + "ARN such as arn:aws:sagemaker:us-east-2:123456789012:algorithm/my-algorithm ("
                                + ALGORITHM_ARN_LIMIT + ")."),
                bad("algorithm ARN with an 11-digit account",
                        b -> b.trainingImage(null).algorithm("arn:aws:sagemaker:us-east-2:12345678901:algorithm/x"),
                        "algorithm", "algorithm \"arn:aws:sagemaker:us-east-2:12345678901:algorithm/x\" is invalid: use "
                                + "an algorithm ARN such as arn:aws:sagemaker:us-east-2:123456789012:algorithm/"
                                + "my-algorithm (" + ALGORITHM_ARN_LIMIT + ")."),
                bad("training image of 256 characters", b -> b.trainingImage("i".repeat(256)),
                        "trainingImage", "trainingImage \"" + shown("i".repeat(256)) + "\" is invalid: use a shorter "
                                + "ECR image URI such as 123456789012.dkr.ecr.us-east-2.amazonaws.com/my-image:1.0 "
                                + "(at most 255 characters)."),
                bad("metric definitions with an algorithm",
                        b -> b.trainingImage(null).algorithm("xgboost").metricDefinition("rmse", "rmse=([0-9.]+)"),
                        "metricDefinitions", "metricDefinitions is set but trainingImage is not: remove "
                                + "metricDefinitions, because an algorithm defines its own metrics (only with "
                                + "trainingImage)."),
                bad("41 metric definitions",
                        b -> b.metricDefinitions(IntStream.range(0, 41)
                                .mapToObj(i -> MetricDefinition.of("m" + i, "m" + i + "=([0-9.]+)"))
                                .toList()),
                        "metricDefinitions", "metricDefinitions has 41 entries: remove some (at most 40)."),
                bad("metric without a name", b -> b.metricDefinition("", "rmse=([0-9.]+)"),
                        "metricDefinitions[0].name", "metricDefinitions[0].name is missing: set a metric name such as "
                                + "validation:rmse (1 to 255 characters)."),
                bad("metric name of 256 characters", b -> b.metricDefinition("m".repeat(256), "rmse=([0-9.]+)"),
                        "metricDefinitions[0].name", "metricDefinitions[0].name \"" + shown("m".repeat(256)) + "\" is "
                                + "invalid: use a shorter metric name (1 to 255 characters)."),
                bad("metric without a regex", b -> b.metricDefinition("rmse", ""),
                        "metricDefinitions[0].regex", "metricDefinitions[0].regex is missing: set a regular expression "
                                + "whose first group captures the value, such as rmse=([0-9.]+) ("
                                + METRIC_REGEX_LIMIT + ")."),
                bad("metric regex that does not compile", b -> b.metricDefinition("rmse", "rmse=([0-9.]+"),
                        "metricDefinitions[0].regex", "metricDefinitions[0].regex \"rmse=([0-9.]+\" is invalid: fix "
                                + "the regular expression, which does not compile: Unclosed group near index 13 ("
                                + METRIC_REGEX_LIMIT + ")."),
                bad("metric regex of 501 characters", b -> b.metricDefinition("rmse", "r".repeat(501)),
                        "metricDefinitions[0].regex", "metricDefinitions[0].regex \"" + shown("r".repeat(501))
                                + "\" is invalid: use a shorter regular expression (" + METRIC_REGEX_LIMIT + ")."),

                // Role
                bad("no role", b -> b.roleArn(null),
                        "roleArn", "roleArn is missing: set the ARN of the IAM role that SageMaker assumes, such as "
                                + "arn:aws:iam::123456789012:role/SageMakerRole (" + ROLE_LIMIT + ")."),
                bad("user ARN as role", b -> b.roleArn("arn:aws:iam::123456789012:user/bob"),
                        "roleArn", "roleArn \"arn:aws:iam::123456789012:user/bob\" is invalid: use an IAM role ARN such "
                                + "as arn:aws:iam::123456789012:role/SageMakerRole (" + ROLE_LIMIT + ")."),
                bad("role ARN with an 11-digit account", b -> b.roleArn("arn:aws:iam::12345678901:role/SageMakerRole"),
                        "roleArn", "roleArn \"arn:aws:iam::12345678901:role/SageMakerRole\" is invalid: use an IAM role "
                                + "ARN such as arn:aws:iam::123456789012:role/SageMakerRole (" + ROLE_LIMIT + ")."),
                bad("role ARN of 2049 characters", b -> b.roleArn(longRoleArn()),
                        "roleArn", "roleArn \"" + shown(longRoleArn()) + "\" is invalid: use an IAM role ARN such as "
                                + "arn:aws:iam::123456789012:role/SageMakerRole (" + ROLE_LIMIT + ")."),

                // Resources
                bad("no instance type", b -> b.instanceType(" "),
                        "instanceType", "instanceType is missing: set an ML instance type such as ml.m5.xlarge ("
                                + INSTANCE_TYPE_LIMIT + ")."),
                bad("instance type without ml prefix", b -> b.instanceType("m5.xlarge"),
                        "instanceType", "instanceType \"m5.xlarge\" is invalid: use an ML instance type such as "
                                + "ml.m5.xlarge (" + INSTANCE_TYPE_LIMIT + ")."),
                bad("zero instances", b -> b.instanceCount(0),
                        "instanceCount", "instanceCount 0 is invalid: use at least 1 instance (at least 1)."),
                bad("negative instance count", b -> b.instanceCount(-3),
                        "instanceCount", "instanceCount -3 is invalid: use at least 1 instance (at least 1)."),
                bad("zero volume size", b -> b.volumeSizeInGb(0),
                        "volumeSizeInGb", "volumeSizeInGb 0 is invalid: use at least 1 GB (1 to 16,384 GB)."),
                bad("volume above 16384 GB", b -> b.volumeSizeInGb(16_385),
                        "volumeSizeInGb", "volumeSizeInGb 16385 is invalid: use at most 16,384 GB (1 to 16,384 GB)."),
                bad("volume KMS key with a space", b -> b.volumeKmsKeyId("key with space"),
                        "volumeKmsKeyId", "volumeKmsKeyId \"key with space\" is invalid: " + KMS_FIX + " ("
                                + KMS_LIMIT + ")."),
                bad("volume KMS key of 2049 characters", b -> b.volumeKmsKeyId("k".repeat(2049)),
                        "volumeKmsKeyId", "volumeKmsKeyId \"" + shown("k".repeat(2049)) + "\" is invalid: " + KMS_FIX
                                + " (" + KMS_LIMIT + ")."),

                // Stopping condition
                bad("max runtime of zero seconds", b -> b.maxRuntime(0, RuntimeUnit.SECONDS),
                        "maxRuntime", "maxRuntime 0 SECONDS is invalid: use at least 1 second (" + RUNTIME_LIMIT
                                + ")."),
                bad("negative max runtime", b -> b.maxRuntime(-1, RuntimeUnit.HOURS),
                        "maxRuntime", "maxRuntime -1 HOURS is invalid: use at least 1 second (" + RUNTIME_LIMIT + ")."),
                bad("max runtime of 29 days", b -> b.maxRuntime(29, RuntimeUnit.DAYS),
                        "maxRuntime", "maxRuntime 29 DAYS is invalid: use at most 28 days, SageMaker's limit ("
                                + RUNTIME_LIMIT + ")."),
                bad("max runtime one second above 28 days", b -> b.maxRuntime(2_419_201, RuntimeUnit.SECONDS),
                        "maxRuntime", "maxRuntime 2419201 SECONDS is invalid: use at most 28 days, SageMaker's limit ("
                                + RUNTIME_LIMIT + ")."),
                bad("max runtime that overflows seconds", b -> b.maxRuntime(Long.MAX_VALUE, RuntimeUnit.DAYS),
                        "maxRuntime", "maxRuntime 9223372036854775807 DAYS is invalid: use at most 28 days, SageMaker's "
                                + "limit (" + RUNTIME_LIMIT + ")."),
                bad("max wait without spot", b -> b.maxWait(3, RuntimeUnit.HOURS),
                        "maxWait", "maxWait 3 HOURS is set but useSpotInstances is false: enable useSpotInstances or "
                                + "remove maxWait (only with useSpotInstances)."),
                bad("spot without max wait", b -> b.useSpotInstances(true),
                        "maxWait", "maxWait is missing: set maxWait to at least maxRuntime (2 HOURS), because managed "
                                + "spot training needs a limit for waiting plus training (maxRuntime to 28 days)."),
                bad("max wait below max runtime", b -> b.useSpotInstances(true).maxWait(1, RuntimeUnit.HOURS),
                        "maxWait", "maxWait 1 HOURS is invalid: use at least maxRuntime (2 HOURS), because the wait for "
                                + "spot capacity includes the training time (maxRuntime to 28 days, 7,200 to "
                                + "2,419,200 seconds)."),
                bad("max wait of 29 days", b -> b.useSpotInstances(true).maxWait(29, RuntimeUnit.DAYS),
                        "maxWait", "maxWait 29 DAYS is invalid: use at most 28 days, SageMaker's limit ("
                                + RUNTIME_LIMIT + ")."),

                // Checkpoints
                bad("checkpoint URI over https", b -> b.checkpointS3Uri("https://example-bucket/x"),
                        "checkpointS3Uri", "checkpointS3Uri \"https://example-bucket/x\" is invalid: use an S3 URI that "
                                + "starts with s3://, such as s3://example-bucket/prefix (" + S3_LIMIT + ")."),
                bad("relative checkpoint path",
                        b -> b.checkpointS3Uri("s3://example-bucket/checkpoints").checkpointLocalPath("checkpoints"),
                        "checkpointLocalPath", "checkpointLocalPath \"checkpoints\" is invalid: use an absolute path "
                                + "inside the container, such as /opt/ml/checkpoints (absolute path, at most 4096 "
                                + "characters)."),
                bad("checkpoint path without checkpoint URI", b -> b.checkpointLocalPath("/opt/ml/checkpoints"),
                        "checkpointLocalPath", "checkpointLocalPath \"/opt/ml/checkpoints\" is set but checkpointS3Uri "
                                + "is not: set checkpointS3Uri or remove checkpointLocalPath (only with "
                                + "checkpointS3Uri)."),

                // Network
                bad("subnets without security groups", b -> b.subnets(List.of("subnet-0abc1234")),
                        "securityGroupIds", "securityGroupIds is missing: set 1 to 5 security group ids, because "
                                + "subnets is set and a VPC configuration needs both (both subnets and "
                                + "securityGroupIds, or neither)."),
                bad("security groups without subnets", b -> b.securityGroupIds(List.of("sg-0abc1234")),
                        "subnets", "subnets is missing: set 1 to 16 subnet ids, because securityGroupIds is set and a "
                                + "VPC configuration needs both (both subnets and securityGroupIds, or neither)."),
                bad("17 subnets",
                        b -> b.subnets(ids("subnet-", 17)).securityGroupIds(List.of("sg-0abc1234")),
                        "subnets", "subnets has 17 entries: remove some (1 to 16)."),
                bad("6 security groups",
                        b -> b.subnets(List.of("subnet-0abc1234")).securityGroupIds(ids("sg-", 6)),
                        "securityGroupIds", "securityGroupIds has 6 entries: remove some (1 to 5)."),
                bad("subnet id with an underscore",
                        b -> b.subnets(List.of("subnet_1")).securityGroupIds(List.of("sg-0abc1234")),
                        "subnets[0]", "subnets[0] \"subnet_1\" is invalid: use an id such as subnet-0abc1234 ("
                                + VPC_LIMIT + ")."),
                bad("security group id with a dot",
                        b -> b.subnets(List.of("subnet-0abc1234")).securityGroupIds(List.of("sg.1")),
                        "securityGroupIds[0]", "securityGroupIds[0] \"sg.1\" is invalid: use an id such as sg-0abc1234 ("
                                + VPC_LIMIT + ")."),

                // Environment
                bad("101 environment variables",
                        b -> b.environment(IntStream.range(0, 101).mapToObj(i -> NameValue.of("V" + i, "x")).toList()),
                        "environment", "environment has 101 entries: remove some (at most 100)."),
                bad("environment name starting with a digit", b -> b.environmentVariable("1ABC", "x"),
                        "environment[0].name", "environment[0].name \"1ABC\" is invalid: use letters, digits and '_', "
                                + "not starting with a digit (" + ENVIRONMENT_NAME_LIMIT + ")."),
                bad("environment name with a hyphen", b -> b.environmentVariable("MY-VAR", "x"),
                        "environment[0].name", "environment[0].name \"MY-VAR\" is invalid: use letters, digits and '_', "
                                + "not starting with a digit (" + ENVIRONMENT_NAME_LIMIT + ")."),
                bad("environment value of 513 characters", b -> b.environmentVariable("LOG_LEVEL", "v".repeat(513)),
                        "environment[LOG_LEVEL].value", "environment[LOG_LEVEL].value \"" + shown("v".repeat(513))
                                + "\" is invalid: use a shorter value (0 to 512 characters)."),
                bad("duplicate environment name",
                        b -> b.environmentVariable("LOG_LEVEL", "debug").environmentVariable("LOG_LEVEL", "info"),
                        "environment[1].name", "environment[1].name \"LOG_LEVEL\" is invalid: rename or remove it, "
                                + "because environment[0] has the same name (names unique)."),

                // Hyperparameters
                bad("101 hyperparameters", b -> b.hyperparameters(hyperparameters(101)),
                        "hyperparameters", "hyperparameters has 101 entries: remove some (at most 100)."),
                bad("hyperparameter without a name", b -> b.hyperparameter("", "1"),
                        "hyperparameters[2].name", "hyperparameters[2].name is missing: set a hyperparameter name such "
                                + "as eta (" + HYPERPARAMETER_NAME_LIMIT + ")."),
                bad("hyperparameter name of 257 characters", b -> b.hyperparameter("h".repeat(257), "1"),
                        "hyperparameters[2].name", "hyperparameters[2].name \"" + shown("h".repeat(257)) + "\" is "
                                + "invalid: use a shorter name (" + HYPERPARAMETER_NAME_LIMIT + ")."),
                bad("hyperparameter value of 2501 characters",
                        b -> b.hyperparameters(List.of(NameValue.of("eta", "9".repeat(2501)))),
                        "hyperparameters[eta].value", "hyperparameters[eta].value \"" + shown("9".repeat(2501)) + "\" "
                                + "is invalid: use a shorter value (" + HYPERPARAMETER_VALUE_LIMIT + ")."),
                bad("hyperparameter value with a line break",
                        b -> b.hyperparameters(List.of(NameValue.of("eta", "0.1\n0.2"))),
                        "hyperparameters[eta].value", "hyperparameters[eta].value \"0.1\\n0.2\" is invalid: remove the "
                                + "line break (" + HYPERPARAMETER_VALUE_LIMIT + ")."),
                bad("hyperparameter without a value", b -> b.hyperparameters(List.of(NameValue.of("eta", null))),
                        "hyperparameters[eta].value", "hyperparameters[eta].value is missing: set a value, or an empty "
                                + "string (" + HYPERPARAMETER_VALUE_LIMIT + ")."),
                bad("duplicate hyperparameter name", b -> b.hyperparameter("eta", "0.2"),
                        "hyperparameters[2].name", "hyperparameters[2].name \"eta\" is invalid: rename or remove it, "
                                + "because hyperparameters[0] has the same name (names unique)."),

                // Channels
                bad("no channels", b -> b.channels(List.of()),
                        "channels", "channels is missing: add at least one input channel, such as train with an S3 URI "
                                + "(1 to 20 channels)."),
                bad("21 channels", b -> b.channels(channels(21)),
                        "channels", "channels has 21 entries: remove some or combine their data (1 to 20 channels)."),
                bad("channel name with a space",
                        b -> b.channel(ChannelSpec.of("train data", "s3://example-bucket/data/more/")),
                        "channels[1].name", "channels[1].name \"train data\" is invalid: use only letters, digits, '.', "
                                + "'-' and '_' (" + CHANNEL_LIMIT + ")."),
                bad("channel name of 65 characters",
                        b -> b.channels(List.of(ChannelSpec.of("c".repeat(65), "s3://example-bucket/train/"))),
                        "channels[0].name", "channels[0].name \"" + "c".repeat(65) + "\" is invalid: use at most 64 "
                                + "characters (" + CHANNEL_LIMIT + ")."),
                bad("channel without a name",
                        b -> b.channels(List.of(ChannelSpec.of(null, "s3://example-bucket/train/"))),
                        "channels[0].name", "channels[0].name is missing: set a channel name such as train ("
                                + CHANNEL_LIMIT + ")."),
                bad("duplicate channel name",
                        b -> b.channel(ChannelSpec.of("train", "s3://example-bucket/data/other/")),
                        "channels[1].name", "channels[1].name \"train\" is invalid: rename or remove it, because "
                                + "channels[0] has the same name (names unique)."),
                bad("workspace channel with absolute path",
                        b -> b.channels(List.of(ChannelSpec.builder().name("train").localPath("/etc/data").build())),
                        "channels[0].localPath", "channels[0].localPath \"/etc/data\" is invalid: use a path "
                                + "relative to the workspace, such as data/train (a path relative to the workspace, "
                                + "without ..)."),
                bad("workspace channel leaving workspace",
                        b -> b.channels(List.of(ChannelSpec.builder().name("train").localPath("data/../../x").build())),
                        "channels[0].localPath", "channels[0].localPath \"data/../../x\" is invalid: remove \"..\": "
                                + "the path must stay inside the workspace (a path relative to the workspace, "
                                + "without ..)."),
                bad("workspace channel with bad destination",
                        b -> b.channels(List.of(ChannelSpec.builder().name("train").localPath("data/train")
                                .s3Uri("example-bucket/train").build())),
                        "channels[0].s3Uri", "channels[0].s3Uri \"example-bucket/train\" is invalid: use an S3 URI "
                                + "that starts with s3://, such as s3://example-bucket/prefix (" + S3_LIMIT + ")."),
                bad("channel without an S3 URI", b -> b.channels(List.of(ChannelSpec.of("train", null))),
                        "channels[0].s3Uri", "channels[0].s3Uri is missing: set an S3 URI such as "
                                + "s3://example-bucket/prefix (" + S3_LIMIT + ")."),
                bad("channel bucket with capitals", b -> b.channels(channelAt("s3://Example-Bucket/train")),
                        "channels[0].s3Uri", "channels[0].s3Uri \"s3://Example-Bucket/train\" is invalid: the bucket "
                                + "name \"Example-Bucket\" " + BUCKET_CHARACTERS + " (" + S3_LIMIT + ")."),
                bad("channel bucket of two characters", b -> b.channels(channelAt("s3://ab/train")),
                        "channels[0].s3Uri", "channels[0].s3Uri \"s3://ab/train\" is invalid: the bucket name \"ab\" "
                                + "has 2 characters but must have 3 to 63 (" + S3_LIMIT + ")."),
                bad("channel bucket of 64 characters", b -> b.channels(channelAt("s3://" + "b".repeat(64) + "/x")),
                        "channels[0].s3Uri", "channels[0].s3Uri \"s3://" + "b".repeat(64) + "/x\" is invalid: the "
                                + "bucket name \"" + "b".repeat(64) + "\" has 64 characters but must have 3 to 63 ("
                                + S3_LIMIT + ")."),
                bad("channel URI without scheme", b -> b.channels(channelAt("example-bucket/train")),
                        "channels[0].s3Uri", "channels[0].s3Uri \"example-bucket/train\" is invalid: use an S3 URI that "
                                + "starts with s3://, such as s3://example-bucket/prefix (" + S3_LIMIT + ")."),
                bad("channel URI without bucket", b -> b.channels(channelAt("s3:///train")),
                        "channels[0].s3Uri", "channels[0].s3Uri \"s3:///train\" is invalid: add a bucket name after "
                                + "s3://, such as s3://example-bucket/prefix (" + S3_LIMIT + ")."),
                bad("channel bucket with adjacent dots", b -> b.channels(channelAt("s3://example..bucket/train")),
                        "channels[0].s3Uri", "channels[0].s3Uri \"s3://example..bucket/train\" is invalid: the bucket "
                                + "name \"example..bucket\" must not contain two adjacent dots or look like an IP "
                                + "address (" + S3_LIMIT + ")."),
                bad("channel bucket like an IP address", b -> b.channels(channelAt("s3://192.168.1.1/train")),
                        "channels[0].s3Uri", "channels[0].s3Uri \"s3://192.168.1.1/train\" is invalid: the bucket name "
                                + "\"192.168.1.1\" must not contain two adjacent dots or look like an IP address ("
                                + S3_LIMIT + ")."),
                bad("channel URI of 1025 characters",
                        b -> b.channels(channelAt("s3://example-bucket/" + "k".repeat(1005))),
                        "channels[0].s3Uri", "channels[0].s3Uri \"" + shown("s3://example-bucket/" + "k".repeat(1005))
                                + "\" is invalid: use an S3 URI of at most 1024 characters (" + S3_LIMIT + ")."),
                bad("content type of 257 characters",
                        b -> b.channels(List.of(ChannelSpec.builder().name("train").s3Uri("s3://example-bucket/t/")
                                .contentType("t".repeat(257)).build())),
                        "channels[0].contentType", "channels[0].contentType \"" + shown("t".repeat(257)) + "\" is "
                                + "invalid: use a MIME type such as text/csv (at most 256 characters)."),

                // Output
                bad("no output path", b -> b.outputPath(""),
                        "outputPath", "outputPath is missing: set an S3 URI such as s3://example-bucket/prefix ("
                                + S3_LIMIT + ")."),
                bad("output bucket with an underscore", b -> b.outputPath("s3://example_bucket/out"),
                        "outputPath", "outputPath \"s3://example_bucket/out\" is invalid: the bucket name "
                                + "\"example_bucket\" " + BUCKET_CHARACTERS + " (" + S3_LIMIT + ")."),
                bad("output KMS key with a space", b -> b.outputKmsKeyId("alias/my key"),
                        "outputKmsKeyId", "outputKmsKeyId \"alias/my key\" is invalid: " + KMS_FIX + " (" + KMS_LIMIT
                                + ")."),

                // Tags
                bad("50 user tags", b -> b.tags(tags(50)),
                        "tags", "tags has 50 entries: use at most 49, because SageMaker accepts 50 tags per job and "
                                + "the engine adds sagemaker-training:run-id (at most 49 user tags)."),
                bad("tag key with aws prefix", b -> b.tag("aws:cost", "x"),
                        "tags[1].key", "tags[1].key \"aws:cost\" is invalid: choose another key, because AWS reserves "
                                + "keys that start with aws: (" + TAG_KEY_LIMIT + ")."),
                bad("tag key with upper-case AWS prefix", b -> b.tag("AWS:cost", "x"),
                        "tags[1].key", "tags[1].key \"AWS:cost\" is invalid: choose another key, because AWS reserves "
                                + "keys that start with aws: (" + TAG_KEY_LIMIT + ")."),
                bad("tag without a key", b -> b.tag("", "x"),
                        "tags[1].key", "tags[1].key is missing: set a tag key such as team (" + TAG_KEY_LIMIT + ")."),
                bad("tag key of 129 characters", b -> b.tag("t".repeat(129), "x"),
                        "tags[1].key", "tags[1].key \"" + shown("t".repeat(129)) + "\" is invalid: use a shorter key ("
                                + TAG_KEY_LIMIT + ")."),
                bad("tag key with a hash", b -> b.tag("team#1", "x"),
                        "tags[1].key", "tags[1].key \"team#1\" is invalid: use only letters, digits, spaces and "
                                + "_ . : / = + - @ (" + TAG_KEY_LIMIT + ")."),
                bad("tag key reserved for the run id", b -> b.tag("sagemaker-training:run-id", "x"),
                        "tags[1].key", "tags[1].key \"sagemaker-training:run-id\" is invalid: choose another key, "
                                + "because the engine sets this tag to the run id of each job (" + TAG_KEY_LIMIT + ")."),
                bad("tag value of 257 characters", b -> b.tags(List.of(TagSpec.of("team", "v".repeat(257)))),
                        "tags[team].value", "tags[team].value \"" + shown("v".repeat(257)) + "\" is invalid: use a "
                                + "shorter value (" + TAG_VALUE_LIMIT + ")."),
                bad("tag value with a semicolon", b -> b.tags(List.of(TagSpec.of("team", "a;b"))),
                        "tags[team].value", "tags[team].value \"a;b\" is invalid: use only letters, digits, spaces and "
                                + "_ . : / = + - @ (" + TAG_VALUE_LIMIT + ")."),
                bad("duplicate tag key", b -> b.tag("team", "other"),
                        "tags[1].key", "tags[1].key \"team\" is invalid: rename or remove it, because tags[0] has the "
                                + "same key (keys unique)."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badSpecs")
    void badSpecReportsOneProblem(String name, UnaryOperator<TrainingJobSpec.Builder> change, String field,
            String message) {
        TrainingJobSpec spec = change.apply(SpecFixtures.validImageJob()).build();

        List<ValidationProblem> problems = SpecValidator.validate(spec);

        assertThat(problems).hasSize(1);
        assertThat(problems.get(0).field()).isEqualTo(field);
        assertThat(problems.get(0).message()).isEqualTo(message);
    }

    @Test
    void badSpecTableHasAtLeastSixtyCases() {
        assertThat(badSpecs().count()).isGreaterThanOrEqualTo(60);
    }

    @Test
    void manyFaultsAreAllReported() {
        TrainingJobSpec spec = TrainingJobSpec.builder()
                .jobName("bad name")
                .trainingImage(SpecFixtures.IMAGE)
                .metricDefinition("rmse", "(")
                .roleArn("arn:aws:iam::123:role/x")
                .instanceType("m5.large")
                .instanceCount(0)
                .volumeSizeInGb(0)
                .maxRuntime(30, RuntimeUnit.DAYS)
                .maxWait(1, RuntimeUnit.HOURS)
                .checkpointLocalPath("relative")
                .subnets(List.of("subnet-1"))
                .environmentVariable("1X", "y")
                .hyperparameter("eta", "0.1")
                .hyperparameter("eta", "0.2")
                .channel(ChannelSpec.of("train data", "s3://Bad/train"))
                .outputPath("output")
                .tag("aws:x", "y")
                .build();

        List<ValidationProblem> problems = SpecValidator.validate(spec);

        assertThat(problems).extracting(ValidationProblem::field).containsExactly(
                "jobName",
                "metricDefinitions[0].regex",
                "roleArn",
                "instanceType",
                "instanceCount",
                "volumeSizeInGb",
                "maxRuntime",
                "maxWait",
                "checkpointLocalPath",
                "securityGroupIds",
                "environment[0].name",
                "hyperparameters[1].name",
                "channels[0].name",
                "channels[0].s3Uri",
                "outputPath",
                "tags[0].key");
    }

    @Test
    void requireValidListsProblemsPerLine() {
        TrainingJobSpec spec = SpecFixtures.validImageJob().instanceCount(0).outputPath(null).build();

        assertThatThrownBy(() -> SpecValidator.requireValid(spec))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.getProblems()).extracting(ValidationProblem::field)
                            .containsExactly("instanceCount", "outputPath");
                    assertThat(e.getMessage().lines()).containsExactly(
                            "The training job specification is invalid (2 problems):",
                            "- instanceCount 0 is invalid: use at least 1 instance (at least 1).",
                            "- outputPath is missing: set an S3 URI such as s3://example-bucket/prefix (" + S3_LIMIT
                                    + ").");
                });
    }

    @Test
    void requireValidReturnsValidSpec() {
        TrainingJobSpec spec = SpecFixtures.validImageJob().build();

        assertThat(SpecValidator.requireValid(spec)).isSameAs(spec);
    }

    @Test
    void problemKeepsShortenedRejectedValueAndLimit() {
        TrainingJobSpec spec = SpecFixtures.validImageJob().trainingImage("i".repeat(300)).build();

        ValidationProblem problem = SpecValidator.validate(spec).get(0);

        assertThat(problem.rejectedValue()).isEqualTo("i".repeat(80) + "... (300 characters)");
        assertThat(problem.limit()).isEqualTo("at most 255 characters");
    }

    @Test
    void maxWaitEqualToMaxRuntimeIsAccepted() {
        TrainingJobSpec spec = SpecFixtures.validImageJob()
                .useSpotInstances(true)
                .maxRuntime(TimeAmount.of(120, RuntimeUnit.MINUTES))
                .maxWait(TimeAmount.of(2, RuntimeUnit.HOURS))
                .build();

        assertThat(SpecValidator.validate(spec)).isEmpty();
    }

    @Test
    void invalidMaxRuntimeSkipsWaitComparison() {
        TrainingJobSpec spec = SpecFixtures.validImageJob()
                .maxRuntime(0, RuntimeUnit.SECONDS)
                .useSpotInstances(true)
                .maxWait(1, RuntimeUnit.HOURS)
                .build();

        List<ValidationProblem> problems = SpecValidator.validate(spec);

        assertThat(problems).extracting(ValidationProblem::field).containsExactly("maxRuntime");
    }

    private static Arguments bad(String name, UnaryOperator<TrainingJobSpec.Builder> change, String field,
            String message) {
        return Arguments.of(name, change, field, message);
    }

    /** Returns a value longer than 100 characters as messages display it. */
    private static String shown(String value) {
        return value.substring(0, 80) + "... (" + value.length() + " characters)";
    }

    private static String longRoleArn() {
        String prefix = "arn:aws:iam::123456789012:role/";
        return prefix + "r".repeat(2049 - prefix.length());
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).toList();
    }

    private static List<ChannelSpec> channels(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> ChannelSpec.of("channel" + i, "s3://example-bucket/data/" + i + "/"))
                .toList();
    }

    private static List<ChannelSpec> channelAt(String s3Uri) {
        return List.of(ChannelSpec.of("train", s3Uri));
    }

    private static List<TagSpec> tags(int count) {
        return IntStream.range(0, count).mapToObj(i -> TagSpec.of("key" + i, "value" + i)).toList();
    }

    private static List<NameValue> hyperparameters(int count) {
        List<NameValue> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(NameValue.of("h" + i, String.valueOf(i)));
        }
        return list;
    }
}
