package io.jenkins.plugins.sagemaker.engine.aws;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;

/**
 * Everything {@link AwsClientFactory} needs to build AWS clients: region, endpoint overrides,
 * credentials, proxy, retry attempts and an optional role to assume. Immutable; {@link #toString()}
 * names the credentials provider's type only.
 */
public final class AwsClientSettings {

    /** Attempts per AWS call, first try included, as in the SDK's standard retry mode. */
    public static final int DEFAULT_MAX_ATTEMPTS = 3;

    private final Region region;
    private final URI sageMakerEndpoint;
    private final URI logsEndpoint;
    private final URI s3Endpoint;
    private final URI stsEndpoint;
    private final AwsCredentialsProvider credentialsProvider;
    private final ProxySettings proxy;
    private final int maxAttempts;
    private final AssumeRoleSettings assumeRole;

    private AwsClientSettings(Builder builder) {
        this.region = Objects.requireNonNull(builder.region, "region");
        this.credentialsProvider = Objects.requireNonNull(builder.credentialsProvider, "credentialsProvider");
        this.sageMakerEndpoint = builder.sageMakerEndpoint;
        this.logsEndpoint = builder.logsEndpoint;
        this.s3Endpoint = builder.s3Endpoint;
        this.stsEndpoint = builder.stsEndpoint;
        this.proxy = builder.proxy;
        this.maxAttempts = builder.maxAttempts;
        this.assumeRole = builder.assumeRole;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.region = region;
        builder.sageMakerEndpoint = sageMakerEndpoint;
        builder.logsEndpoint = logsEndpoint;
        builder.s3Endpoint = s3Endpoint;
        builder.stsEndpoint = stsEndpoint;
        builder.credentialsProvider = credentialsProvider;
        builder.proxy = proxy;
        builder.maxAttempts = maxAttempts;
        builder.assumeRole = assumeRole;
        return builder;
    }

    public Region region() {
        return region;
    }

    public Optional<URI> sageMakerEndpoint() {
        return Optional.ofNullable(sageMakerEndpoint);
    }

    /** The CloudWatch Logs endpoint override; defaults to the SageMaker one, as in the emulator. */
    public Optional<URI> logsEndpoint() {
        return logsEndpoint != null ? Optional.of(logsEndpoint) : sageMakerEndpoint();
    }

    /** The S3 endpoint override; clients built for it use path-style access. */
    public Optional<URI> s3Endpoint() {
        return Optional.ofNullable(s3Endpoint);
    }

    public Optional<URI> stsEndpoint() {
        return Optional.ofNullable(stsEndpoint);
    }

    /** The caller's credentials; with {@link #assumeRole()} set, only the STS client that assumes the role uses them. */
    public AwsCredentialsProvider credentialsProvider() {
        return credentialsProvider;
    }

    public Optional<ProxySettings> proxy() {
        return Optional.ofNullable(proxy);
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public Optional<AssumeRoleSettings> assumeRole() {
        return Optional.ofNullable(assumeRole);
    }

    @Override
    public String toString() {
        return "AwsClientSettings{region=" + region
                + ", sageMakerEndpoint=" + sageMakerEndpoint
                + ", logsEndpoint=" + logsEndpoint().orElse(null)
                + ", s3Endpoint=" + s3Endpoint
                + ", stsEndpoint=" + stsEndpoint
                + ", credentialsProvider=" + credentialsProvider.getClass().getSimpleName()
                + ", proxy=" + proxy
                + ", maxAttempts=" + maxAttempts
                + ", assumeRole=" + assumeRole + "}";
    }

    /** Builder for {@link AwsClientSettings}; region and credentials provider are required. */
    public static final class Builder {

        private Region region;
        private URI sageMakerEndpoint;
        private URI logsEndpoint;
        private URI s3Endpoint;
        private URI stsEndpoint;
        private AwsCredentialsProvider credentialsProvider;
        private ProxySettings proxy;
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private AssumeRoleSettings assumeRole;

        private Builder() {
        }

        public Builder region(Region region) {
            this.region = region;
            return this;
        }

        /** Sets the region by its id, for example {@code us-east-2}. */
        public Builder region(String regionId) {
            if (regionId == null || regionId.isBlank()) {
                throw new IllegalArgumentException("AWS region is missing; set a region id such as us-east-2.");
            }
            this.region = Region.of(regionId.trim());
            return this;
        }

        public Builder sageMakerEndpoint(URI endpoint) {
            this.sageMakerEndpoint = checkEndpoint("SageMaker", endpoint);
            return this;
        }

        public Builder logsEndpoint(URI endpoint) {
            this.logsEndpoint = checkEndpoint("CloudWatch Logs", endpoint);
            return this;
        }

        public Builder s3Endpoint(URI endpoint) {
            this.s3Endpoint = checkEndpoint("S3", endpoint);
            return this;
        }

        public Builder stsEndpoint(URI endpoint) {
            this.stsEndpoint = checkEndpoint("STS", endpoint);
            return this;
        }

        public Builder credentialsProvider(AwsCredentialsProvider credentialsProvider) {
            this.credentialsProvider = credentialsProvider;
            return this;
        }

        /** Sets the HTTP proxy, or {@code null} for direct connections. */
        public Builder proxy(ProxySettings proxy) {
            this.proxy = proxy;
            return this;
        }

        /** Sets the attempts per AWS call including the first, from 1 (no SDK retry) to 20. */
        public Builder maxAttempts(int maxAttempts) {
            if (maxAttempts < 1 || maxAttempts > 20) {
                throw new IllegalArgumentException("Max attempts " + maxAttempts + " is invalid; use 1 to 20.");
            }
            this.maxAttempts = maxAttempts;
            return this;
        }

        /** Sets the role to assume, or {@code null} to use the credentials directly. */
        public Builder assumeRole(AssumeRoleSettings assumeRole) {
            this.assumeRole = assumeRole;
            return this;
        }

        public AwsClientSettings build() {
            if (region == null) {
                throw new IllegalStateException("AWS region is missing; set a region id such as us-east-2.");
            }
            if (credentialsProvider == null) {
                throw new IllegalStateException("AWS credentials provider is missing; set one on AwsClientSettings.builder().");
            }
            return new AwsClientSettings(this);
        }

        private static URI checkEndpoint(String service, URI endpoint) {
            if (endpoint == null) {
                return null;
            }
            String scheme = endpoint.getScheme();
            if (!"http".equals(scheme) && !"https".equals(scheme) || endpoint.getHost() == null) {
                throw new IllegalArgumentException(service + " endpoint '" + endpoint
                        + "' is invalid; use an absolute http or https URL such as https://host:443.");
            }
            return endpoint;
        }
    }
}
