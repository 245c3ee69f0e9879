package io.jenkins.plugins.sagemaker.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WireValueTest {

    @ParameterizedTest
    @ValueSource(strings = {"FastFile", "fastfile", "FASTFILE", "FAST_FILE", " fastFile "})
    void parseIgnoresCaseAndUnderscores(String text) {
        assertThat(TrainingInputMode.parse(text)).isEqualTo(TrainingInputMode.FAST_FILE);
    }

    @Test
    void toStringIsSageMakerSpelling() {
        assertThat(TrainingInputMode.FAST_FILE).hasToString("FastFile");
        assertThat(CompressionType.GZIP).hasToString("Gzip");
        assertThat(RecordWrapperType.RECORD_IO).hasToString("RecordIO");
        assertThat(S3DataType.AUGMENTED_MANIFEST_FILE).hasToString("AugmentedManifestFile");
        assertThat(S3DataDistributionType.SHARDED_BY_S3_KEY).hasToString("ShardedByS3Key");
        assertThat(RuntimeUnit.HOURS.wireValue()).isEqualTo("HOURS");
    }

    @Test
    void everyConstantParsesFromItsWireValue() {
        for (CompressionType value : CompressionType.values()) {
            assertThat(CompressionType.parse(value.wireValue())).isEqualTo(value);
        }
        for (RecordWrapperType value : RecordWrapperType.values()) {
            assertThat(RecordWrapperType.parse(value.wireValue())).isEqualTo(value);
        }
        for (S3DataType value : S3DataType.values()) {
            assertThat(S3DataType.parse(value.wireValue())).isEqualTo(value);
        }
        for (S3DataDistributionType value : S3DataDistributionType.values()) {
            assertThat(S3DataDistributionType.parse(value.wireValue())).isEqualTo(value);
        }
        for (RuntimeUnit value : RuntimeUnit.values()) {
            assertThat(RuntimeUnit.parse(value.wireValue().toLowerCase())).isEqualTo(value);
        }
    }

    @Test
    void badValueNamesFieldValueAndAllowedValues() {
        assertThatThrownBy(() -> CompressionType.parse("zip"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("compressionType \"zip\" is invalid: use one of None, Gzip.");
        assertThatThrownBy(() -> S3DataType.parse("prefix"))
                .hasMessage("s3DataType \"prefix\" is invalid: use one of S3Prefix, ManifestFile, AugmentedManifestFile.");
        assertThatThrownBy(() -> RuntimeUnit.parse("WEEKS"))
                .hasMessage("maxRuntimeUnit \"WEEKS\" is invalid: use one of SECONDS, MINUTES, HOURS, DAYS.");
    }

    @Test
    void blankValueIsRejected() {
        assertThatThrownBy(() -> TrainingInputMode.parse(" "))
                .hasMessage("trainingInputMode \" \" is invalid: use one of File, Pipe, FastFile.");
        assertThatThrownBy(() -> TrainingInputMode.parse(null))
                .hasMessage("trainingInputMode \"\" is invalid: use one of File, Pipe, FastFile.");
    }

    @Test
    void parseWithFieldPathNamesIt() {
        assertThatThrownBy(() -> WireValue.parse(RecordWrapperType.class, "channels[1].recordWrapperType", "wrapped"))
                .hasMessage("channels[1].recordWrapperType \"wrapped\" is invalid: use one of None, RecordIO.");
    }

    @Test
    void canonicalUsesSageMakerSpelling() {
        assertThat(WireValue.canonical(CompressionType.class, "gzip")).isEqualTo("Gzip");
        assertThat(WireValue.canonical(S3DataDistributionType.class, " sharded_by_s3_key ")).isEqualTo("ShardedByS3Key");
        assertThat(WireValue.canonical(RuntimeUnit.class, "hours")).isEqualTo("HOURS");
    }

    @Test
    void canonicalKeepsUnknownText() {
        assertThat(WireValue.canonical(TrainingInputMode.class, " Streaming ")).isEqualTo("Streaming");
        assertThat(WireValue.canonical(TrainingInputMode.class, " ")).isNull();
        assertThat(WireValue.canonical(TrainingInputMode.class, null)).isNull();
    }
}
