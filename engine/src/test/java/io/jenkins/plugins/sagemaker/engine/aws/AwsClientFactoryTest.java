package io.jenkins.plugins.sagemaker.engine.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sagemaker.emulator.SageMakerEmulator;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedGetObjectRequest;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

class AwsClientFactoryTest {

    private static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";

    private static SageMakerEmulator emulator;

    private final Map<String, Integer> callsBefore = new HashMap<>();

    @BeforeAll
    static void startEmulator() {
        emulator = SageMakerEmulator.start();
        emulator.createBucket("example-bucket");
    }

    @AfterAll
    static void stopEmulator() {
        emulator.close();
    }

    @BeforeEach
    void countCallsFromZero() {
        emulator.faults().clear();
        for (String call : emulator.calls()) {
            callsBefore.merge(call, 1, Integer::sum);
        }
    }

    private int callCount(String operation) {
        return emulator.callCount(operation) - callsBefore.getOrDefault(operation, 0);
    }

    private AwsClientSettings.Builder settings() {
        return AwsClientSettings.builder()
                .region(emulator.region())
                .sageMakerEndpoint(emulator.endpoint())
                .s3Endpoint(emulator.s3Endpoint())
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey())));
    }

    @Test
    void sageMakerClientReachesEmulator() {
        try (AwsClientFactory factory = AwsClientFactory.create(settings().build());
                SageMakerClient sageMaker = factory.sageMaker()) {

            sageMaker.listTrainingJobs(r -> r.maxResults(10));
        }

        assertThat(callCount("ListTrainingJobs")).isEqualTo(1);
    }

    @Test
    void logsClientDefaultsToSageMakerEndpoint() {
        try (AwsClientFactory factory = AwsClientFactory.create(settings().build());
                CloudWatchLogsClient logs = factory.cloudWatchLogs()) {

            logs.describeLogStreams(r -> r.logGroupName(LOG_GROUP));
        }

        assertThat(callCount("DescribeLogStreams")).isEqualTo(1);
    }

    @Test
    void s3ClientUsesPathStyle() {
        try (AwsClientFactory factory = AwsClientFactory.create(settings().build());
                S3Client s3 = factory.s3()) {

            s3.putObject(r -> r.bucket("example-bucket").key("data/one.csv"), RequestBody.fromString("a,b\n"));
        }

        assertThat(emulator.getObject("example-bucket", "data/one.csv"))
                .hasValueSatisfying(bytes -> assertThat(new String(bytes, StandardCharsets.UTF_8)).isEqualTo("a,b\n"));
    }

    @Test
    void presignedUrlDownloadsObject() throws Exception {
        emulator.putObject("example-bucket", "data/two.csv", "c,d\n".getBytes(StandardCharsets.UTF_8));
        PresignedGetObjectRequest presigned;
        try (AwsClientFactory factory = AwsClientFactory.create(settings().build());
                S3Presigner presigner = factory.s3Presigner()) {
            presigned = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                    .getObjectRequest(get -> get.bucket("example-bucket").key("data/two.csv")));
        }

        HttpClient http = HttpClient.newBuilder().proxy(HttpClient.Builder.NO_PROXY).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(presigned.url().toURI()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(presigned.url().getPath()).isEqualTo("/example-bucket/data/two.csv");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("c,d\n");
    }

    @Test
    void proxyCarriesEveryClient() throws Exception {
        try (ForwardingProxy proxy = new ForwardingProxy();
                AwsClientFactory factory = AwsClientFactory.create(settings()
                        .proxy(ProxySettings.of("127.0.0.1", proxy.port()))
                        .build());
                SageMakerClient sageMaker = factory.sageMaker();
                CloudWatchLogsClient logs = factory.cloudWatchLogs();
                S3Client s3 = factory.s3()) {

            sageMaker.listTrainingJobs(r -> r.maxResults(10));
            logs.describeLogStreams(r -> r.logGroupName(LOG_GROUP));
            s3.listObjectsV2(r -> r.bucket("example-bucket"));

            assertThat(proxy.targets()).extracting(URI::getPort).containsExactly(
                    emulator.endpoint().getPort(), emulator.endpoint().getPort(), emulator.s3Endpoint().getPort());
            assertThat(proxy.targets().get(2).getPath()).isEqualTo("/example-bucket");
        }

        assertThat(callCount("ListTrainingJobs")).isEqualTo(1);
        assertThat(callCount("DescribeLogStreams")).isEqualTo(1);
    }

    @Test
    void noProxyPatternBypassesProxy() throws Exception {
        try (ForwardingProxy proxy = new ForwardingProxy();
                AwsClientFactory factory = AwsClientFactory.create(settings()
                        .proxy(ProxySettings.of("127.0.0.1", proxy.port()).withNoProxyHosts("localhost|127.0.0.*"))
                        .build());
                SageMakerClient sageMaker = factory.sageMaker()) {

            sageMaker.listTrainingJobs(r -> r.maxResults(10));

            assertThat(proxy.targets()).isEmpty();
        }

        assertThat(callCount("ListTrainingJobs")).isEqualTo(1);
    }

    @Test
    void unrelatedNoProxyPatternKeepsProxy() throws Exception {
        try (ForwardingProxy proxy = new ForwardingProxy();
                AwsClientFactory factory = AwsClientFactory.create(settings()
                        .proxy(ProxySettings.of("127.0.0.1", proxy.port()).withNoProxyHosts("*.example.com\n127.0.0.10"))
                        .build());
                SageMakerClient sageMaker = factory.sageMaker()) {

            sageMaker.listTrainingJobs(r -> r.maxResults(10));

            assertThat(proxy.targets()).hasSize(1);
        }
    }

    @Test
    void maxAttemptsRetriesServerErrors() {
        emulator.faults().serverError("ListTrainingJobs", 2);

        try (AwsClientFactory factory = AwsClientFactory.create(settings().maxAttempts(3).build());
                SageMakerClient sageMaker = factory.sageMaker()) {

            sageMaker.listTrainingJobs(r -> r.maxResults(10));
        }

        assertThat(callCount("ListTrainingJobs")).isEqualTo(3);
    }

    @Test
    void oneAttemptDoesNotRetry() {
        emulator.faults().serverError("ListTrainingJobs", 1);

        try (AwsClientFactory factory = AwsClientFactory.create(settings().maxAttempts(1).build());
                SageMakerClient sageMaker = factory.sageMaker()) {

            assertThatThrownBy(() -> sageMaker.listTrainingJobs(r -> r.maxResults(10)))
                    .isInstanceOf(SageMakerException.class);
        }

        assertThat(callCount("ListTrainingJobs")).isEqualTo(1);
    }

    @Test
    void assumedRoleSignsServiceCalls() throws Exception {
        try (StsStub sts = new StsStub();
                ForwardingProxy proxy = new ForwardingProxy();
                AwsClientFactory factory = AwsClientFactory.create(settings()
                        .stsEndpoint(sts.endpoint())
                        .proxy(ProxySettings.of("127.0.0.1", proxy.port()))
                        .assumeRole(AssumeRoleSettings.of("arn:aws:iam::123456789012:role/trainer", "external-7", "team/job #7"))
                        .build());
                SageMakerClient sageMaker = factory.sageMaker()) {

            sageMaker.listTrainingJobs(r -> r.maxResults(10));

            assertThat(sts.requests()).hasSize(1);
            assertThat(sts.requests().get(0))
                    .containsEntry("Action", "AssumeRole")
                    .containsEntry("RoleArn", "arn:aws:iam::123456789012:role/trainer")
                    .containsEntry("RoleSessionName", "team-job-7")
                    .containsEntry("ExternalId", "external-7");
            assertThat(proxy.authorizations()).hasSize(2);
            assertThat(proxy.authorizations().get(0)).contains("Credential=" + emulator.accessKeyId() + "/");
            assertThat(proxy.authorizations().get(1)).contains("Credential=" + StsStub.ASSUMED_ACCESS_KEY_ID + "/");
        }
    }

    @Test
    void freshSessionIsReused() throws Exception {
        try (StsStub sts = new StsStub(Duration.ofHours(1));
                AwsClientFactory factory = AwsClientFactory.create(settings()
                        .stsEndpoint(sts.endpoint())
                        .assumeRole(AssumeRoleSettings.of("arn:aws:iam::123456789012:role/trainer", null, "job-7"))
                        .build());
                SageMakerClient sageMaker = factory.sageMaker()) {

            for (int i = 0; i < 3; i++) {
                sageMaker.listTrainingJobs(r -> r.maxResults(10));
            }

            assertThat(sts.requests()).hasSize(1);
        }
    }

    @Test
    void halfSpentSessionIsRenewed() throws Exception {
        // STS may grant less than the requested hour, as for a role with a shorter maximum session. With 20
        // minutes left the session is past its half, so each call requests a new session.
        try (StsStub sts = new StsStub(Duration.ofMinutes(20));
                AwsClientFactory factory = AwsClientFactory.create(settings()
                        .stsEndpoint(sts.endpoint())
                        .assumeRole(AssumeRoleSettings.of("arn:aws:iam::123456789012:role/trainer", null, "job-7"))
                        .build());
                SageMakerClient sageMaker = factory.sageMaker()) {

            sageMaker.listTrainingJobs(r -> r.maxResults(10));
            sageMaker.listTrainingJobs(r -> r.maxResults(10));

            assertThat(sts.requests()).hasSize(2);
        }
    }

    @Test
    void callerCredentialsAreResolvedOncePerFactory() {
        AtomicInteger resolutions = new AtomicInteger();
        AwsCredentialsProvider counting = () -> {
            resolutions.incrementAndGet();
            return AwsBasicCredentials.create(emulator.accessKeyId(), emulator.secretAccessKey());
        };
        try (AwsClientFactory factory = AwsClientFactory.create(settings().credentialsProvider(counting).build());
                SageMakerClient sageMaker = factory.sageMaker()) {

            for (int i = 0; i < 5; i++) {
                sageMaker.listTrainingJobs(r -> r.maxResults(10));
            }
        }

        assertThat(callCount("ListTrainingJobs")).isEqualTo(5);
        assertThat(resolutions).hasValue(1);
    }
}
