package io.jenkins.plugins.sagemaker.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

class AwsClientSettingsTest {

    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static AwsClientSettings.Builder settings() {
        return AwsClientSettings.builder()
                .region("us-east-2")
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", SECRET_KEY)));
    }

    @Test
    void logsEndpointDefaultsToSageMaker() {
        URI endpoint = URI.create("http://127.0.0.1:4566");

        AwsClientSettings settings = settings().sageMakerEndpoint(endpoint).build();

        assertThat(settings.logsEndpoint()).contains(endpoint);
    }

    @Test
    void logsEndpointOverrideWins() {
        AwsClientSettings settings = settings()
                .sageMakerEndpoint(URI.create("http://127.0.0.1:4566"))
                .logsEndpoint(URI.create("http://127.0.0.1:4567"))
                .build();

        assertThat(settings.logsEndpoint()).contains(URI.create("http://127.0.0.1:4567"));
    }

    @Test
    void toStringShowsNoSecret() {
        AwsClientSettings settings = settings()
                .proxy(ProxySettings.of("proxy.example.com", 3128).withCredentials("builder", "proxy-password-1"))
                .assumeRole(AssumeRoleSettings.of("arn:aws:iam::123456789012:role/trainer", "external-id-1", "build 7"))
                .build();

        String text = settings.toString();

        assertThat(text).doesNotContain(SECRET_KEY);
        assertThat(text).doesNotContain("proxy-password-1");
        assertThat(text).doesNotContain("external-id-1");
        assertThat(text).contains("StaticCredentialsProvider");
    }

    @Test
    void endpointWithoutSchemeIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> settings().sageMakerEndpoint(URI.create("localhost:4566")))
                .withMessageContaining("SageMaker endpoint 'localhost:4566' is invalid");
    }

    @Test
    void assumeRoleCleansSessionName() {
        AssumeRoleSettings role = AssumeRoleSettings.of("arn:aws:iam::123456789012:role/trainer", null, "team/job #7");

        assertThat(role.sessionName()).isEqualTo("team-job-7");
    }

    @Test
    void invalidRoleArnIsRejected() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> AssumeRoleSettings.of("trainer", null, "build"))
                .withMessageContaining("Role ARN 'trainer' is invalid");
    }
}
