package io.jenkins.plugins.sagemaker.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values typed in another case are stored as the form's lists spell them, so the lists show them. */
class EnumeratedValuesTest {

    @Test
    void channelValuesTakeSageMakerSpelling() {
        ChannelConfig channel = new ChannelConfig("train", "s3://example-bucket/train");
        channel.setCompressionType("gzip");
        channel.setRecordWrapperType("recordio");
        channel.setS3DataType("s3_prefix");
        channel.setS3DataDistributionType("SHARDED_BY_S3_KEY");
        channel.setInputMode("fastfile");

        assertThat(channel.getCompressionType()).isEqualTo("Gzip");
        assertThat(channel.getRecordWrapperType()).isEqualTo("RecordIO");
        assertThat(channel.getS3DataType()).isEqualTo("S3Prefix");
        assertThat(channel.getS3DataDistributionType()).isEqualTo("ShardedByS3Key");
        assertThat(channel.getInputMode()).isEqualTo("FastFile");
    }

    @Test
    void jobValuesTakeTheListSpelling() {
        TrainingJobConfig config = new TrainingJobConfig();
        config.setTrainingInputMode("pipe");
        config.setMaxRuntimeUnit("hours");
        config.setMaxWaitUnit("Days");
        config.setResultWhenStopped("unstable");

        assertThat(config.getTrainingInputMode()).isEqualTo("Pipe");
        assertThat(config.getMaxRuntimeUnit()).isEqualTo("HOURS");
        assertThat(config.getMaxWaitUnit()).isEqualTo("DAYS");
        assertThat(config.getResultWhenStopped()).isEqualTo("UNSTABLE");
    }

    @Test
    void unknownValuesAreKeptForValidationToReport() {
        TrainingJobConfig config = new TrainingJobConfig();
        config.setTrainingInputMode(" Streaming ");
        config.setResultWhenStopped("FAILED");

        assertThat(config.getTrainingInputMode()).isEqualTo("Streaming");
        assertThat(config.getResultWhenStopped()).isEqualTo("FAILED");
    }
}
