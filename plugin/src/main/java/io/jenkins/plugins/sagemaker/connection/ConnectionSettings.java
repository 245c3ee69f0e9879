package io.jenkins.plugins.sagemaker.connection;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Util;
import io.jenkins.plugins.sagemaker.config.TrainingJobConfig;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientSettings;
import java.io.Serializable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The connection arguments of one run: region, endpoint overrides, credentials id and role to assume.
 * Small and {@link Serializable} so a resumable Pipeline step can keep it; it holds ids only, never a
 * secret, and credentials are looked up again after a restart.
 */
public final class ConnectionSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String region;
    private final String credentialsId;
    private final String endpointUrl;
    private final String logsEndpointUrl;
    private final String s3EndpointUrl;
    private final String stsEndpointUrl;
    private final String assumeRoleArn;
    private final String assumeRoleExternalId;
    private final String assumeRoleSessionName;

    private ConnectionSettings(TrainingJobConfig config, String defaultSessionName) {
        this.region = config.getRegion();
        this.credentialsId = config.getCredentialsId();
        this.endpointUrl = config.getEndpointUrl();
        this.logsEndpointUrl = config.getLogsEndpointUrl();
        this.s3EndpointUrl = config.getS3EndpointUrl();
        this.stsEndpointUrl = config.getStsEndpointUrl();
        this.assumeRoleArn = config.getAssumeRoleArn();
        this.assumeRoleExternalId = config.getAssumeRoleExternalId();
        String sessionName = Util.fixEmptyAndTrim(config.getAssumeRoleSessionName());
        this.assumeRoleSessionName = sessionName == null ? defaultSessionName : sessionName;
    }

    /**
     * Takes the connection arguments of {@code config}.
     *
     * @param defaultSessionName role session name when none is configured, such as {@code my-job-42}
     */
    public static ConnectionSettings of(TrainingJobConfig config, String defaultSessionName) {
        return new ConnectionSettings(config, defaultSessionName);
    }

    public String region() {
        return region;
    }

    @CheckForNull
    public String credentialsId() {
        return credentialsId;
    }

    /**
     * Builds the engine's client settings with Jenkins' current proxy configuration.
     *
     * @throws IllegalArgumentException if the region is missing or an endpoint or role ARN is invalid
     */
    public AwsClientSettings toClientSettings(AwsCredentialsProvider credentials) {
        if (Util.fixEmptyAndTrim(region) == null) {
            throw new IllegalArgumentException("region is missing: set the AWS region of the training job, "
                    + "such as us-east-2.");
        }
        // The engine maps region, endpoints and role the same way for the command-line runner.
        return io.jenkins.plugins.sagemaker.engine.description.ConnectionSettings.builder()
                .region(region)
                .endpointUrl(endpointUrl)
                .logsEndpointUrl(logsEndpointUrl)
                .s3EndpointUrl(s3EndpointUrl)
                .stsEndpointUrl(stsEndpointUrl)
                .assumeRoleArn(assumeRoleArn)
                .assumeRoleExternalId(assumeRoleExternalId)
                .assumeRoleSessionName(assumeRoleSessionName)
                .build()
                .toClientSettings(credentials, assumeRoleSessionName)
                .proxy(JenkinsProxy.current())
                .build();
    }

    @Override
    public String toString() {
        return "ConnectionSettings{region=" + region + ", credentialsId=" + credentialsId + ", endpointUrl="
                + endpointUrl + ", assumeRoleArn=" + assumeRoleArn + "}";
    }
}
