package io.jenkins.plugins.sagemaker.cli;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * Credentials and region that the runner takes from outside the job description: system properties,
 * environment variables, the shared AWS config files and, for credentials only, an instance or
 * container role.
 */
final class AwsEnvironment {

    private static final Logger LOGGER = Logger.getLogger(AwsEnvironment.class.getName());

    private AwsEnvironment() {
    }

    /**
     * Returns the region from the {@code aws.region} system property, else the {@code AWS_REGION}
     * environment variable, else the profile's {@code region} in the shared config file. Unlike the
     * SDK's default region chain, this never queries the EC2 instance metadata service.
     *
     * @param profile the {@code --profile} value, or null for {@code AWS_PROFILE} or else "default"
     */
    static Optional<String> region(String profile) {
        AwsRegionProviderChain chain = new AwsRegionProviderChain(
                new SystemSettingsRegionProvider(), new AwsProfileRegionProvider(null, profile));
        try {
            return Optional.of(chain.getRegion().id());
        } catch (SdkClientException e) {
            LOGGER.log(Level.FINE, "No region in the environment", e);
            return Optional.empty();
        }
    }

    /**
     * Returns the provider for {@code --profile}, or else the SDK's default credential chain, after
     * resolving its credentials once. A missing credential thus ends the run before its first AWS call,
     * with one line in place of the chain's report from every call.
     *
     * @throws CredentialsNotFoundException with that line when no credentials resolve
     */
    static AwsCredentialsProvider credentials(String profile) {
        AwsCredentialsProvider provider = profile != null
                ? ProfileCredentialsProvider.create(profile)
                : DefaultCredentialsProvider.builder().build();
        try {
            provider.resolveCredentials();
            return provider;
        } catch (SdkClientException e) {
            // The chain's message lists every provider that it tried (about 1,500 characters), so only FINE logging gets it.
            LOGGER.log(Level.FINE, "Resolving AWS credentials failed", e);
            if (profile != null && !profileExists(profile)) {
                throw new CredentialsNotFoundException("no AWS credentials found: profile \"" + profile
                        + "\" is not in ~/.aws/credentials or ~/.aws/config (or the files that "
                        + "AWS_SHARED_CREDENTIALS_FILE and AWS_CONFIG_FILE name). Check the name, or create it with "
                        + "aws configure --profile " + profile + ".");
            }
            if (profile != null) {
                // The profile exists, so the SDK's reason (an expired SSO session, a failing credential_process) helps.
                throw new CredentialsNotFoundException("no AWS credentials found for profile \"" + profile + "\": "
                        + e.getMessage());
            }
            throw new CredentialsNotFoundException("no AWS credentials found: set AWS_ACCESS_KEY_ID and "
                    + "AWS_SECRET_ACCESS_KEY, pass --profile NAME, or run where an instance or container role "
                    + "is available.");
        }
    }

    private static boolean profileExists(String profile) {
        try {
            return ProfileFile.defaultProfileFile().profile(profile).isPresent();
        } catch (RuntimeException e) {
            // A file that cannot be parsed: report the SDK's message, which names the parse error.
            LOGGER.log(Level.FINE, "Reading the shared AWS config files failed", e);
            return true;
        }
    }

    /** No credentials resolved; the message is the console line without the {@code ERROR: } prefix. */
    static final class CredentialsNotFoundException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        CredentialsNotFoundException(String message) {
            super(message);
        }
    }
}
