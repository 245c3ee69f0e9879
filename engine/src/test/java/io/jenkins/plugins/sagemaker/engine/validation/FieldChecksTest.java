package io.jenkins.plugins.sagemaker.engine.validation;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sagemaker.engine.spec.RuntimeUnit;
import io.jenkins.plugins.sagemaker.engine.spec.SpecFixtures;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FieldChecksTest {

    @Test
    void validValuesPass() {
        assertThat(FieldChecks.jobName("train-1")).isEmpty();
        assertThat(FieldChecks.baseJobName("ML Team/nightly")).isEmpty();
        assertThat(FieldChecks.algorithm("arn:aws:sagemaker:us-east-2:123456789012:algorithm/my-algo")).isEmpty();
        assertThat(FieldChecks.trainingImage(SpecFixtures.IMAGE)).isEmpty();
        assertThat(FieldChecks.roleArn(SpecFixtures.ROLE_ARN)).isEmpty();
        assertThat(FieldChecks.instanceType("ml.p4d.24xlarge")).isEmpty();
        assertThat(FieldChecks.instanceCount(1)).isEmpty();
        assertThat(FieldChecks.volumeSizeInGb(30)).isEmpty();
        assertThat(FieldChecks.kmsKeyId("alias/my-key")).isEmpty();
        assertThat(FieldChecks.maxRuntime(28, RuntimeUnit.DAYS)).isEmpty();
        assertThat(FieldChecks.maxWait(2, RuntimeUnit.HOURS, 120, RuntimeUnit.MINUTES)).isEmpty();
        assertThat(FieldChecks.s3Uri("s3://example-bucket/train/")).isEmpty();
        assertThat(FieldChecks.outputPath("s3://example-bucket")).isEmpty();
        assertThat(FieldChecks.checkpointLocalPath("/opt/ml/checkpoints")).isEmpty();
        assertThat(FieldChecks.channelName("train.v2-a_b")).isEmpty();
        assertThat(FieldChecks.subnetId("subnet-0abc1234")).isEmpty();
        assertThat(FieldChecks.securityGroupId("sg-0abc1234")).isEmpty();
        assertThat(FieldChecks.metricRegex("rmse=([0-9.]+)")).isEmpty();
        assertThat(FieldChecks.hyperparameterValue("")).isEmpty();
        assertThat(FieldChecks.environmentName("_LOG_LEVEL")).isEmpty();
        assertThat(FieldChecks.tagKey("cost center")).isEmpty();
        assertThat(FieldChecks.tagValue("")).isEmpty();
    }

    @Test
    void optionalFieldsAcceptBlank() {
        assertThat(FieldChecks.jobName("")).isEmpty();
        assertThat(FieldChecks.baseJobName(null)).isEmpty();
        assertThat(FieldChecks.algorithm(" ")).isEmpty();
        assertThat(FieldChecks.kmsKeyId("")).isEmpty();
        assertThat(FieldChecks.checkpointS3Uri("")).isEmpty();
        assertThat(FieldChecks.checkpointLocalPath("")).isEmpty();
    }

    @Test
    void requiredFieldsReportMissing() {
        assertThat(FieldChecks.roleArn("")).get().asString().startsWith("roleArn is missing: ");
        assertThat(FieldChecks.instanceType(null)).get().asString().startsWith("instanceType is missing: ");
        assertThat(FieldChecks.outputPath(" ")).get().asString().startsWith("outputPath is missing: ");
        assertThat(FieldChecks.s3Uri("")).get().asString().startsWith("S3 URI is missing: ");
        assertThat(FieldChecks.channelName("")).get().asString().startsWith("channel name is missing: ");
    }

    @Test
    void channelNameMessageMatchesValidator() {
        Optional<String> message = FieldChecks.channelName("train data");

        assertThat(message).contains("channel name \"train data\" is invalid: use only letters, digits, '.', '-' and "
                + "'_' (pattern [A-Za-z0-9.\\-_]+, at most 64 characters).");
    }

    @Test
    void valuesAreTrimmedLikeTheBuilder() {
        assertThat(FieldChecks.jobName(" train-1 ")).isEmpty();
        assertThat(FieldChecks.roleArn(" " + SpecFixtures.ROLE_ARN + " ")).isEmpty();
    }

    @Test
    void badValuesReportMessages() {
        assertThat(FieldChecks.jobName("my job")).get().asString().startsWith("jobName \"my job\" is invalid: ");
        assertThat(FieldChecks.instanceCount(0))
                .contains("instanceCount 0 is invalid: use at least 1 instance (at least 1).");
        assertThat(FieldChecks.volumeSizeInGb(20_000))
                .contains("volumeSizeInGb 20000 is invalid: use at most 16,384 GB (1 to 16,384 GB).");
        assertThat(FieldChecks.maxRuntime(0, RuntimeUnit.MINUTES))
                .contains("maxRuntime 0 MINUTES is invalid: use at least 1 second (1 second to 28 days, "
                        + "2,419,200 seconds).");
        assertThat(FieldChecks.s3Uri("s3://Bad/x")).get().asString()
                .startsWith("S3 URI \"s3://Bad/x\" is invalid: the bucket name \"Bad\" ");
        assertThat(FieldChecks.tagKey("aws:x")).get().asString().startsWith("tag key \"aws:x\" is invalid: ");
        assertThat(FieldChecks.metricRegex("(")).get().asString().startsWith("metric regex \"(\" is invalid: ");
        assertThat(FieldChecks.environmentName("1X")).get().asString()
                .startsWith("environment variable name \"1X\" is invalid: ");
        assertThat(FieldChecks.subnetId("subnet_1")).get().asString().startsWith("subnet id \"subnet_1\" is invalid: ");
        assertThat(FieldChecks.contentType("t".repeat(300))).get().asString().startsWith("contentType \"");
    }

    @Test
    void maxWaitBelowRuntimeIsReported() {
        assertThat(FieldChecks.maxWait(1, RuntimeUnit.HOURS, 2, RuntimeUnit.HOURS))
                .contains("maxWait 1 HOURS is invalid: use at least maxRuntime (2 HOURS), because the wait for spot "
                        + "capacity includes the training time (maxRuntime to 28 days, 7,200 to 2,419,200 seconds).");
    }

    @Test
    void maxWaitWithInvalidRuntimeChecksOnlyRange() {
        assertThat(FieldChecks.maxWait(1, RuntimeUnit.HOURS, 0, RuntimeUnit.SECONDS)).isEmpty();
        assertThat(FieldChecks.maxWait(0, RuntimeUnit.HOURS, 0, RuntimeUnit.SECONDS)).isPresent();
    }

    @Test
    void maxWaitUnitsDefault() {
        // The default maxRuntime is 1 DAYS, so 30 HOURS is enough and 20 HOURS is not.
        assertThat(FieldChecks.maxWait(30, null, 1, null)).isEmpty();
        assertThat(FieldChecks.maxWait(20, null, 1, null)).isPresent();
    }
}
