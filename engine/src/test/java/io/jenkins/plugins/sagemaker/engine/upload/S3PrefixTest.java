package io.jenkins.plugins.sagemaker.engine.upload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class S3PrefixTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "s3://example-bucket/nightly/42/train/",
        "s3://example-bucket/nightly/42/train",
        "s3://example-bucket//nightly/42//train//"})
    void spellingsGiveSameKeys(String uri) {
        S3Prefix prefix = S3Prefix.parse(uri);

        assertThat(prefix.bucket()).isEqualTo("example-bucket");
        assertThat(prefix.key()).isEqualTo("nightly/42/train");
        assertThat(prefix.uri()).isEqualTo("s3://example-bucket/nightly/42/train/");
        assertThat(prefix.keyFor("part-0001.csv")).isEqualTo("nightly/42/train/part-0001.csv");
        assertThat(prefix.keyFor("sub/part-0002.csv")).isEqualTo("nightly/42/train/sub/part-0002.csv");
    }

    @Test
    void bucketRootHasNoLeadingSlash() {
        S3Prefix prefix = S3Prefix.parse("s3://example-bucket");

        assertThat(prefix.key()).isEmpty();
        assertThat(prefix.listPrefix()).isEmpty();
        assertThat(prefix.uri()).isEqualTo("s3://example-bucket/");
        assertThat(prefix.keyFor("a.csv")).isEqualTo("a.csv");
    }

    @Test
    void backslashesBecomeSlashes() {
        S3Prefix prefix = S3Prefix.parse("s3://example-bucket/train/");

        assertThat(prefix.keyFor("sub\\part-0002.csv")).isEqualTo("train/sub/part-0002.csv");
    }

    @Test
    void channelDefaultFollowsOutputPath() {
        S3Prefix prefix = S3Prefix.channelDefault("s3://example-bucket/models/", "nightly-42", "train");

        assertThat(prefix.uri()).isEqualTo("s3://example-bucket/models/nightly-42/input/train/");
    }

    @Test
    void channelDefaultOnBucketRoot() {
        S3Prefix prefix = S3Prefix.channelDefault("s3://example-bucket", "nightly-42", "validation");

        assertThat(prefix.uri()).isEqualTo("s3://example-bucket/nightly-42/input/validation/");
    }

    @Test
    void invalidUriRejected() {
        assertThatThrownBy(() -> S3Prefix.parse("https://example-bucket/train"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("https://example-bucket/train")
                .hasMessageContaining("s3://bucket/prefix");
    }

    @Test
    void invalidBucketRejected() {
        assertThatThrownBy(() -> S3Prefix.parse("s3://Example_Bucket/train"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Example_Bucket");
    }

    @Test
    void channelNameWithSlashRejected() {
        assertThatThrownBy(() -> S3Prefix.channelDefault("s3://example-bucket/out", "job", "a/b"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Channel name 'a/b'");
    }
}
