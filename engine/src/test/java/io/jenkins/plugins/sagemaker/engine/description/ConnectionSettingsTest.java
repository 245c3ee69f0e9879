package io.jenkins.plugins.sagemaker.engine.description;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sagemaker.engine.aws.AwsClientSettings;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;

class ConnectionSettingsTest {

    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "test-secret"));

    @Test
    void logsEndpointFallsBackToSageMaker() {
        AwsClientSettings settings = ConnectionSettings.builder()
                .region("us-east-2")
                .endpointUrl(" http://127.0.0.1:4566 ")
                .s3EndpointUrl("http://127.0.0.1:9000")
                .build()
                .toClientSettings(CREDENTIALS, "job-1")
                .build();

        assertThat(settings.region()).isEqualTo(Region.US_EAST_2);
        assertThat(settings.sageMakerEndpoint()).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(settings.logsEndpoint()).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(settings.s3Endpoint()).contains(URI.create("http://127.0.0.1:9000"));
        assertThat(settings.stsEndpoint()).isEmpty();
        assertThat(settings.assumeRole()).isEmpty();
    }

    @Test
    void roleSessionNameDefaultsToGivenName() {
        AwsClientSettings settings = ConnectionSettings.builder()
                .region("us-east-2")
                .assumeRoleArn("arn:aws:iam::123456789012:role/Training")
                .assumeRoleExternalId("external-1")
                .build()
                .toClientSettings(CREDENTIALS, "nightly-42")
                .build();

        assertThat(settings.assumeRole()).isPresent();
        assertThat(settings.assumeRole().get().roleArn()).isEqualTo("arn:aws:iam::123456789012:role/Training");
        assertThat(settings.assumeRole().get().externalId()).isEqualTo("external-1");
        assertThat(settings.assumeRole().get().sessionName()).isEqualTo("nightly-42");
    }

    @Test
    void regionCanBeSetByCaller() {
        AwsClientSettings settings = ConnectionSettings.builder().build()
                .toClientSettings(CREDENTIALS, "job-1")
                .region("eu-west-1")
                .build();

        assertThat(settings.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(settings.credentialsProvider()).isSameAs(CREDENTIALS);
    }
}
