package io.jenkins.plugins.sagemaker.engine.aws;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.apache.ProxyConfiguration;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * Builds every AWS client of the engine from one {@link AwsClientSettings}, so region, endpoints,
 * credentials, proxy and retries are the same for all of them.
 *
 * <p>Each call returns a new client that the caller closes. The factory itself owns the role
 * credentials (and their STS client) when a role is assumed, so close it after its clients.
 *
 * <p>The caller's credentials are resolved through a {@link CachingCredentialsProvider}: a provider
 * such as the Jenkins AWS credentials with an IAM role sends AssumeRole on every resolution, and every
 * request and presigned URL resolves credentials. The caller still owns, and closes, its provider.
 */
public final class AwsClientFactory implements AutoCloseable {

    private static final Logger LOGGER = Logger.getLogger(AwsClientFactory.class.getName());

    private final AwsClientSettings settings;
    private final AwsCredentialsProvider credentialsProvider;
    private final StsClient assumeRoleStsClient;
    private final boolean ownsCredentialsProvider;

    private AwsClientFactory(AwsClientSettings settings) {
        this.settings = settings;
        AwsCredentialsProvider callerCredentials = CachingCredentialsProvider.wrap(settings.credentialsProvider());
        Optional<AssumeRoleSettings> assumeRole = settings.assumeRole();
        if (assumeRole.isPresent()) {
            this.assumeRoleStsClient = buildSts(callerCredentials);
            this.credentialsProvider = assumeRoleProvider(assumeRoleStsClient, assumeRole.get());
            this.ownsCredentialsProvider = true;
        } else {
            this.assumeRoleStsClient = null;
            this.credentialsProvider = callerCredentials;
            this.ownsCredentialsProvider = false;
        }
        LOGGER.log(Level.FINE, "Created AWS client factory with {0}", settings);
    }

    public static AwsClientFactory create(AwsClientSettings settings) {
        return new AwsClientFactory(settings);
    }

    public AwsClientSettings settings() {
        return settings;
    }

    /**
     * The credentials that the service clients use: the role's refreshing STS credentials when a
     * role is assumed, otherwise the caller's provider.
     */
    public AwsCredentialsProvider credentialsProvider() {
        return credentialsProvider;
    }

    public SageMakerClient sageMaker() {
        return configure(SageMakerClient.builder(), settings.sageMakerEndpoint(), credentialsProvider).build();
    }

    public CloudWatchLogsClient cloudWatchLogs() {
        return configure(CloudWatchLogsClient.builder(), settings.logsEndpoint(), credentialsProvider).build();
    }

    /** Builds an S3 client; with an endpoint override it uses path-style access ({@code host/bucket/key}). */
    public S3Client s3() {
        return configure(S3Client.builder(), settings.s3Endpoint(), credentialsProvider)
                .serviceConfiguration(s3Configuration())
                .build();
    }

    /** Builds an STS client with the role's credentials, or the caller's when no role is assumed. */
    public StsClient sts() {
        return configure(StsClient.builder(), settings.stsEndpoint(), credentialsProvider).build();
    }

    /** Builds a presigner for S3 URLs. It makes no HTTP calls, so the proxy does not apply to it. */
    public S3Presigner s3Presigner() {
        S3Presigner.Builder builder = S3Presigner.builder()
                .region(settings.region())
                .credentialsProvider(credentialsProvider)
                .serviceConfiguration(s3Configuration());
        settings.s3Endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }

    /** Closes the role credentials and their STS client; clients handed out stay open. */
    @Override
    public void close() {
        if (ownsCredentialsProvider && credentialsProvider instanceof SdkAutoCloseable) {
            ((SdkAutoCloseable) credentialsProvider).close();
        }
        if (assumeRoleStsClient != null) {
            assumeRoleStsClient.close();
        }
    }

    private StsClient buildSts(AwsCredentialsProvider baseCredentials) {
        return configure(StsClient.builder(), settings.stsEndpoint(), baseCredentials).build();
    }

    private static AwsCredentialsProvider assumeRoleProvider(StsClient sts, AssumeRoleSettings role) {
        AssumeRoleRequest.Builder request = AssumeRoleRequest.builder()
                .roleArn(role.roleArn())
                .roleSessionName(role.sessionName())
                .durationSeconds((int) role.sessionDuration().getSeconds());
        if (role.externalId() != null) {
            request.externalId(role.externalId());
        }
        // The provider renews the session on the calling thread, without a background thread. It renews once
        // half of the session has passed, not one minute before expiry as by default. A URL presigned for the
        // agent expires with the credentials that signed it, so each batch starts with half a session left.
        Duration renewal = role.sessionDuration().dividedBy(2);
        return StsAssumeRoleCredentialsProvider.builder()
                .stsClient(sts)
                .refreshRequest(request.build())
                .asyncCredentialUpdateEnabled(false)
                .staleTime(renewal)
                .prefetchTime(renewal)
                .build();
    }

    private <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(B builder,
            Optional<URI> endpoint, AwsCredentialsProvider credentials) {
        builder.region(settings.region())
                .credentialsProvider(credentials)
                .overrideConfiguration(overrideConfiguration());
        builder.httpClientBuilder(httpClientBuilder());
        endpoint.ifPresent(builder::endpointOverride);
        return builder;
    }

    private ClientOverrideConfiguration overrideConfiguration() {
        return ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(settings.maxAttempts())
                        .build())
                .build();
    }

    private S3Configuration s3Configuration() {
        return S3Configuration.builder()
                .pathStyleAccessEnabled(settings.s3Endpoint().isPresent())
                .build();
    }

    private ApacheHttpClient.Builder httpClientBuilder() {
        // System properties and environment variables are ignored on purpose: the settings, which
        // come from Jenkins' proxy configuration, are the only source of proxy configuration.
        ProxyConfiguration.Builder proxy = ProxyConfiguration.builder()
                .useSystemPropertyValues(false)
                .useEnvironmentVariableValues(false);
        settings.proxy().ifPresent(p -> {
            proxy.endpoint(p.endpoint()).nonProxyHosts(p.nonProxyHostRegexes());
            if (p.username() != null) {
                proxy.username(p.username()).password(p.password());
            }
        });
        return ApacheHttpClient.builder().proxyConfiguration(proxy.build());
    }
}
