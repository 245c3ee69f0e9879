package io.jenkins.plugins.sagemaker.engine.upload;

import ch.qos.logback.classic.Level;
import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.ResponseTransformer;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.Part;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** The emulator's S3 server with an SDK client and presigner aimed at it, for upload tests. */
final class EmulatorS3 implements AutoCloseable {

    private static final AtomicInteger BUCKETS = new AtomicInteger();

    final SageMakerEmulator emulator;
    final S3Client s3;
    final S3Presigner presigner;

    private EmulatorS3(SageMakerEmulator emulator, S3Client s3, S3Presigner presigner) {
        this.emulator = emulator;
        this.s3 = s3;
        this.presigner = presigner;
    }

    static EmulatorS3 start() {
        // S3Proxy brings logback at DEBUG, which would drown the test output.
        ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(Level.WARN);

        SageMakerEmulator emulator = SageMakerEmulator.start();
        StaticCredentialsProvider credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey()));
        S3Client s3 = S3Client.builder()
                .endpointOverride(emulator.s3Endpoint())
                .forcePathStyle(true)
                .region(Region.US_EAST_2)
                .credentialsProvider(credentials)
                .httpClientBuilder(ApacheHttpClient.builder())
                .build();
        S3Presigner presigner = S3Presigner.builder()
                .endpointOverride(emulator.s3Endpoint())
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .region(Region.US_EAST_2)
                .credentialsProvider(credentials)
                .build();
        return new EmulatorS3(emulator, s3, presigner);
    }

    /** Creates a bucket that no other test uses. */
    String newBucket() {
        String bucket = "example-bucket-" + BUCKETS.incrementAndGet();
        emulator.createBucket(bucket);
        return bucket;
    }

    List<String> keys(String bucket) {
        return s3.listObjectsV2Paginator(builder -> builder.bucket(bucket)).contents().stream()
                .map(S3Object::key)
                .sorted()
                .toList();
    }

    byte[] content(String bucket, String key) {
        return s3.getObject(builder -> builder.bucket(bucket).key(key), ResponseTransformer.toBytes()).asByteArray();
    }

    HeadObjectResponse head(String bucket, String key) {
        return s3.headObject(builder -> builder.bucket(bucket).key(key));
    }

    List<MultipartUpload> openMultipartUploads(String bucket) {
        return s3.listMultipartUploads(builder -> builder.bucket(bucket)).uploads();
    }

    /** Lists the stored parts of a multipart upload; none once S3 has removed the upload. */
    List<Part> parts(String bucket, MultipartUpload upload) {
        try {
            return s3.listParts(builder -> builder.bucket(bucket).key(upload.key()).uploadId(upload.uploadId()))
                    .parts();
        } catch (NoSuchUploadException e) {
            return List.of();
        }
    }

    static byte[] randomBytes(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static Path write(Path workspace, String relative, byte[] content) throws IOException {
        Path file = workspace.resolve(relative);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    @Override
    public void close() {
        presigner.close();
        s3.close();
        emulator.close();
    }
}
