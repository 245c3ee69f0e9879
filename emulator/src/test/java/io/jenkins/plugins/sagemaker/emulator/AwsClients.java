package io.jenkins.plugins.sagemaker.emulator;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/** Real AWS SDK v2 clients aimed at an emulator, with its static credentials and fast retries. */
final class AwsClients implements AutoCloseable {

    final SageMakerClient sageMaker;
    final CloudWatchLogsClient logs;
    final S3Client s3;

    AwsClients(SageMakerEmulator emulator) {
        this(emulator, 3);
    }

    /** Creates clients that try each call up to {@code maxAttempts} times with a 10 ms backoff, so fault tests stay fast. */
    AwsClients(SageMakerEmulator emulator, int maxAttempts) {
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()));
        BackoffStrategy backoff = BackoffStrategy.fixedDelay(Duration.ofMillis(10));
        ClientOverrideConfiguration override = ClientOverrideConfiguration.builder()
                .retryStrategy(AwsRetryStrategy.standardRetryStrategy().toBuilder()
                        .maxAttempts(maxAttempts)
                        .backoffStrategy(backoff)
                        .throttlingBackoffStrategy(backoff)
                        .build())
                .build();
        Region region = Region.of(emulator.region());

        this.sageMaker = SageMakerClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(override)
                .build();
        this.logs = CloudWatchLogsClient.builder()
                .endpointOverride(emulator.endpoint())
                .region(region)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(override)
                .build();
        this.s3 = S3Client.builder()
                .endpointOverride(emulator.s3Endpoint())
                .region(region)
                .forcePathStyle(true)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(override)
                .build();
    }

    @Override
    public void close() {
        sageMaker.close();
        logs.close();
        s3.close();
    }
}
