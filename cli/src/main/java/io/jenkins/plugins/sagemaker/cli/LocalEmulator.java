package io.jenkins.plugins.sagemaker.cli;

import io.jenkins.plugins.sagemaker.emulator.EmulatorClock;
import io.jenkins.plugins.sagemaker.emulator.EmulatorConfig;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientSettings;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The emulator started in the runner's process for {@code --local}: SageMaker, CloudWatch Logs and S3
 * on 127.0.0.1, with an accelerated clock so a job of a few simulated minutes ends in seconds.
 */
final class LocalEmulator implements AutoCloseable {

    private final SageMakerEmulator emulator;
    private final PrintStream out;

    private LocalEmulator(SageMakerEmulator emulator, PrintStream out) {
        this.emulator = emulator;
        this.out = out;
    }

    static LocalEmulator start(double speed, PrintStream out) {
        if (!(speed > 0) || Double.isInfinite(speed)) {
            throw new IllegalArgumentException("--local-speed " + speed + " is invalid: use a finite factor above 0, "
                    + "for example 60.");
        }
        EmulatorConfig config = EmulatorConfig.builder().clock(EmulatorClock.accelerated(speed)).build();
        SageMakerEmulator emulator = SageMakerEmulator.start(config);
        out.println("Local emulator: SageMaker and CloudWatch Logs at " + emulator.endpoint()
                + ", S3 at " + emulator.s3Endpoint() + ", clock " + speed + "x real time.");
        return new LocalEmulator(emulator, out);
    }

    /** Creates the buckets that the job's output path and channels name, as an account would already have them. */
    void prepareBuckets(TrainingJobSpec spec) {
        JobBuckets.of(spec).forEach(emulator::createBucket);
    }

    /** Puts each {@code FILE=S3_URI} pair's file into the emulator's S3. */
    void seed(List<String> seeds) {
        for (String seed : seeds) {
            int separator = seed.indexOf('=');
            if (separator <= 0 || separator == seed.length() - 1) {
                throw new IllegalArgumentException("--seed " + seed + " is invalid: use FILE=s3://bucket/key.");
            }
            Path file = Path.of(seed.substring(0, separator));
            URI target = URI.create(seed.substring(separator + 1));
            if (!"s3".equals(target.getScheme()) || target.getHost() == null || target.getPath().length() <= 1) {
                throw new IllegalArgumentException("--seed " + seed + " is invalid: the target must be s3://bucket/key.");
            }
            byte[] content;
            try {
                content = Files.readAllBytes(file);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read --seed file " + file + ": " + e.getMessage(), e);
            }
            emulator.createBucket(target.getHost());
            emulator.putObject(target.getHost(), target.getPath().substring(1), content);
            out.println("Put " + file + " (" + content.length + " bytes) at " + target + ".");
        }
    }

    String region() {
        return emulator.region();
    }

    AwsClientSettings clientSettings(AwsClientSettings.Builder builder) {
        return builder.region(emulator.region())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())))
                .sageMakerEndpoint(emulator.endpoint())
                .logsEndpoint(emulator.endpoint())
                .s3Endpoint(emulator.s3Endpoint())
                .build();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
