package io.jenkins.plugins.sagemaker.engine.description;

import io.jenkins.plugins.sagemaker.engine.aws.AssumeRoleSettings;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientSettings;
import java.io.Serializable;
import java.net.URI;
import java.util.Objects;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Connection settings for AWS: region, endpoint overrides and an optional role to assume. Unset
 * values are null, so the AWS SDK's defaults apply.
 */
public final class ConnectionSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String region;
    private final String endpointUrl;
    private final String logsEndpointUrl;
    private final String s3EndpointUrl;
    private final String stsEndpointUrl;
    private final String assumeRoleArn;
    private final String assumeRoleExternalId;
    private final String assumeRoleSessionName;

    private ConnectionSettings(Builder builder) {
        this.region = builder.region;
        this.endpointUrl = builder.endpointUrl;
        this.logsEndpointUrl = builder.logsEndpointUrl;
        this.s3EndpointUrl = builder.s3EndpointUrl;
        this.stsEndpointUrl = builder.stsEndpointUrl;
        this.assumeRoleArn = builder.assumeRoleArn;
        this.assumeRoleExternalId = builder.assumeRoleExternalId;
        this.assumeRoleSessionName = builder.assumeRoleSessionName;
    }

    public static Builder builder() {
        return new Builder();
    }

    public String getRegion() {
        return region;
    }

    /** Returns the SageMaker endpoint override, or null. */
    public String getEndpointUrl() {
        return endpointUrl;
    }

    /** Returns the CloudWatch Logs endpoint override as entered, or null. */
    public String getLogsEndpointUrl() {
        return logsEndpointUrl;
    }

    /** Returns the CloudWatch Logs endpoint to use: logsEndpointUrl, else endpointUrl, else null. */
    public String getEffectiveLogsEndpointUrl() {
        return logsEndpointUrl != null ? logsEndpointUrl : endpointUrl;
    }

    public String getS3EndpointUrl() {
        return s3EndpointUrl;
    }

    public String getStsEndpointUrl() {
        return stsEndpointUrl;
    }

    public String getAssumeRoleArn() {
        return assumeRoleArn;
    }

    public String getAssumeRoleExternalId() {
        return assumeRoleExternalId;
    }

    public String getAssumeRoleSessionName() {
        return assumeRoleSessionName;
    }

    /**
     * Starts the engine's client settings from these connection settings: region when set, endpoint
     * overrides (CloudWatch Logs falls back to the SageMaker one) and the role to assume. The caller
     * may still set the region, a proxy or retries before {@code build()}.
     *
     * @param credentials the caller's credentials; with a role to assume, only STS uses them
     * @param defaultSessionName role session name when none is set, for example the job name
     * @throws IllegalArgumentException if an endpoint URL or the role settings are invalid
     */
    public AwsClientSettings.Builder toClientSettings(AwsCredentialsProvider credentials, String defaultSessionName) {
        AwsClientSettings.Builder settings = AwsClientSettings.builder().credentialsProvider(credentials);
        if (region != null) {
            settings.region(region);
        }
        if (endpointUrl != null) {
            settings.sageMakerEndpoint(URI.create(endpointUrl.trim()));
        }
        String logs = getEffectiveLogsEndpointUrl();
        if (logs != null) {
            settings.logsEndpoint(URI.create(logs.trim()));
        }
        if (s3EndpointUrl != null) {
            settings.s3Endpoint(URI.create(s3EndpointUrl.trim()));
        }
        if (stsEndpointUrl != null) {
            settings.stsEndpoint(URI.create(stsEndpointUrl.trim()));
        }
        if (assumeRoleArn != null) {
            String sessionName = assumeRoleSessionName != null ? assumeRoleSessionName : defaultSessionName;
            settings.assumeRole(AssumeRoleSettings.of(assumeRoleArn, assumeRoleExternalId, sessionName));
        }
        return settings;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ConnectionSettings that
                && Objects.equals(region, that.region)
                && Objects.equals(endpointUrl, that.endpointUrl)
                && Objects.equals(logsEndpointUrl, that.logsEndpointUrl)
                && Objects.equals(s3EndpointUrl, that.s3EndpointUrl)
                && Objects.equals(stsEndpointUrl, that.stsEndpointUrl)
                && Objects.equals(assumeRoleArn, that.assumeRoleArn)
                && Objects.equals(assumeRoleExternalId, that.assumeRoleExternalId)
                && Objects.equals(assumeRoleSessionName, that.assumeRoleSessionName);
    }

    @Override
    public int hashCode() {
        return Objects.hash(region, endpointUrl, logsEndpointUrl, s3EndpointUrl, stsEndpointUrl, assumeRoleArn,
                assumeRoleExternalId, assumeRoleSessionName);
    }

    // The external id is left out because some accounts treat it as a shared secret.
    @Override
    public String toString() {
        return "ConnectionSettings{region=" + region + ", endpointUrl=" + endpointUrl
                + ", logsEndpointUrl=" + logsEndpointUrl + ", s3EndpointUrl=" + s3EndpointUrl
                + ", stsEndpointUrl=" + stsEndpointUrl + ", assumeRoleArn=" + assumeRoleArn
                + ", assumeRoleSessionName=" + assumeRoleSessionName + "}";
    }

    /** Builder of {@link ConnectionSettings}; blank strings become null. */
    public static final class Builder {

        private String region;
        private String endpointUrl;
        private String logsEndpointUrl;
        private String s3EndpointUrl;
        private String stsEndpointUrl;
        private String assumeRoleArn;
        private String assumeRoleExternalId;
        private String assumeRoleSessionName;

        private Builder() {
        }

        public Builder region(String region) {
            this.region = trimToNull(region);
            return this;
        }

        public Builder endpointUrl(String endpointUrl) {
            this.endpointUrl = trimToNull(endpointUrl);
            return this;
        }

        public Builder logsEndpointUrl(String logsEndpointUrl) {
            this.logsEndpointUrl = trimToNull(logsEndpointUrl);
            return this;
        }

        public Builder s3EndpointUrl(String s3EndpointUrl) {
            this.s3EndpointUrl = trimToNull(s3EndpointUrl);
            return this;
        }

        public Builder stsEndpointUrl(String stsEndpointUrl) {
            this.stsEndpointUrl = trimToNull(stsEndpointUrl);
            return this;
        }

        public Builder assumeRoleArn(String assumeRoleArn) {
            this.assumeRoleArn = trimToNull(assumeRoleArn);
            return this;
        }

        public Builder assumeRoleExternalId(String assumeRoleExternalId) {
            this.assumeRoleExternalId = trimToNull(assumeRoleExternalId);
            return this;
        }

        public Builder assumeRoleSessionName(String assumeRoleSessionName) {
            this.assumeRoleSessionName = trimToNull(assumeRoleSessionName);
            return this;
        }

        public ConnectionSettings build() {
            return new ConnectionSettings(this);
        }

        private static String trimToNull(String text) {
            if (text == null) {
                return null;
            }
            String trimmed = text.strip();
            return trimmed.isEmpty() ? null : trimmed;
        }
    }
}
