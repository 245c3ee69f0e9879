package io.jenkins.plugins.sagemaker.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingJobSpecTest {

    @Test
    void builderAppliesDefaults() {
        TrainingJobSpec spec = TrainingJobSpec.builder().build();

        assertThat(spec.getTrainingInputMode()).isEqualTo(TrainingInputMode.FILE);
        assertThat(spec.getInstanceCount()).isEqualTo(1);
        assertThat(spec.getVolumeSizeInGb()).isEqualTo(30);
        assertThat(spec.getMaxRuntime()).isEqualTo(TimeAmount.of(1, RuntimeUnit.DAYS));
        assertThat(spec.getMaxWait()).isNull();
        assertThat(spec.isUseSpotInstances()).isFalse();
        assertThat(spec.getChannels()).isEmpty();
        assertThat(spec.getHyperparameters()).isEmpty();
    }

    @Test
    void maxWaitUnitDefaultsToHours() {
        TrainingJobSpec spec = TrainingJobSpec.builder().maxWait(3, null).maxRuntime(2, null).build();

        assertThat(spec.getMaxWait()).isEqualTo(TimeAmount.of(3, RuntimeUnit.HOURS));
        assertThat(spec.getMaxRuntime()).isEqualTo(TimeAmount.of(2, RuntimeUnit.DAYS));
    }

    @Test
    void channelDefaults() {
        ChannelSpec channel = ChannelSpec.of("train", "s3://example-bucket/train/");

        assertThat(channel.getCompressionType()).isEqualTo(CompressionType.NONE);
        assertThat(channel.getRecordWrapperType()).isEqualTo(RecordWrapperType.NONE);
        assertThat(channel.getS3DataType()).isEqualTo(S3DataType.S3_PREFIX);
        assertThat(channel.getS3DataDistributionType()).isEqualTo(S3DataDistributionType.FULLY_REPLICATED);
        assertThat(channel.getInputMode()).isNull();
        assertThat(channel.getContentType()).isNull();
    }

    @Test
    void identifiersAreTrimmedAndBlankBecomesNull() {
        TrainingJobSpec spec = TrainingJobSpec.builder()
                .jobName("  train-1 ")
                .roleArn("\t" + SpecFixtures.ROLE_ARN + "\n")
                .outputKmsKeyId("   ")
                .subnets(Arrays.asList(" subnet-1 ", "", null, "subnet-2"))
                .build();

        assertThat(spec.getJobName()).isEqualTo("train-1");
        assertThat(spec.getRoleArn()).isEqualTo(SpecFixtures.ROLE_ARN);
        assertThat(spec.getOutputKmsKeyId()).isNull();
        assertThat(spec.getSubnets()).containsExactly("subnet-1", "subnet-2");
    }

    @Test
    void hyperparametersKeepOrderAndExactText() {
        TrainingJobSpec spec = TrainingJobSpec.builder()
                .hyperparameter("zeta", " 0.10 ")
                .hyperparameter("alpha", "1e-3")
                .hyperparameter("mid", "")
                .build();

        assertThat(spec.getHyperparameters()).containsExactly(
                NameValue.of("zeta", " 0.10 "), NameValue.of("alpha", "1e-3"), NameValue.of("mid", ""));
    }

    @Test
    void listsAreUnmodifiableCopies() {
        List<TagSpec> tags = new ArrayList<>(List.of(TagSpec.of("team", "ml")));
        TrainingJobSpec spec = TrainingJobSpec.builder().tags(tags).build();

        tags.add(TagSpec.of("later", "x"));

        assertThat(spec.getTags()).containsExactly(TagSpec.of("team", "ml"));
        assertThatThrownBy(() -> spec.getTags().add(TagSpec.of("x", "y")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void nullListElementIsRejected() {
        assertThatThrownBy(() -> TrainingJobSpec.builder().channels(Arrays.asList((ChannelSpec) null)))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("channels contains a null element");
    }

    @Test
    void toBuilderCopiesEveryField() {
        TrainingJobSpec spec = fullSpec();

        TrainingJobSpec copy = spec.toBuilder().build();

        assertThat(copy).isEqualTo(spec);
        assertThat(copy.hashCode()).isEqualTo(spec.hashCode());
        assertThat(copy.toString()).isEqualTo(spec.toString());
    }

    @Test
    void toBuilderChangeLeavesOriginal() {
        TrainingJobSpec spec = fullSpec();

        TrainingJobSpec changed = spec.toBuilder().hyperparameter("extra", "1").instanceCount(4).build();

        assertThat(changed).isNotEqualTo(spec);
        assertThat(spec.getHyperparameters()).hasSize(2);
        assertThat(spec.getInstanceCount()).isEqualTo(2);
    }

    @Test
    void equalsComparesChannels() {
        TrainingJobSpec spec = fullSpec();
        ChannelSpec gzip = spec.getChannels().get(0).toBuilder().compressionType(CompressionType.GZIP).build();

        TrainingJobSpec changed = spec.toBuilder().channels(List.of(gzip)).build();

        assertThat(changed).isNotEqualTo(spec);
    }

    @Test
    void javaSerializationRoundTrips() throws IOException, ClassNotFoundException {
        TrainingJobSpec spec = fullSpec();

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        Object copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = in.readObject();
        }

        assertThat(copy).isEqualTo(spec);
    }

    private static TrainingJobSpec fullSpec() {
        return SpecFixtures.validImageJob()
                .trainingInputMode(TrainingInputMode.PIPE)
                .metricDefinition("validation:rmse", "rmse=([0-9.]+)")
                .instanceCount(2)
                .volumeSizeInGb(50)
                .volumeKmsKeyId("alias/volume")
                .useSpotInstances(true)
                .maxWait(4, RuntimeUnit.HOURS)
                .checkpointS3Uri("s3://example-bucket/checkpoints/")
                .checkpointLocalPath("/opt/ml/checkpoints")
                .subnets(List.of("subnet-0abc1234"))
                .securityGroupIds(List.of("sg-0abc1234"))
                .enableNetworkIsolation(true)
                .enableInterContainerTrafficEncryption(true)
                .environmentVariable("LOG_LEVEL", "debug")
                .channels(List.of(ChannelSpec.builder()
                        .name("train")
                        .s3Uri("s3://example-bucket/train/")
                        .contentType("text/csv")
                        .recordWrapperType(RecordWrapperType.RECORD_IO)
                        .s3DataType(S3DataType.MANIFEST_FILE)
                        .s3DataDistributionType(S3DataDistributionType.SHARDED_BY_S3_KEY)
                        .inputMode(TrainingInputMode.FILE)
                        .build()))
                .outputKmsKeyId("alias/output")
                .build();
    }
}
