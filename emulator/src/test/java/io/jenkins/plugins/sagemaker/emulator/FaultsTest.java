package io.jenkins.plugins.sagemaker.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

class FaultsTest {

    private SageMakerEmulator emulator;
    private AwsClients clients;

    @BeforeEach
    void startEmulator() {
        emulator = SageMakerEmulator.start();
        clients = new AwsClients(emulator);
    }

    @AfterEach
    void stopEmulator() {
        clients.close();
        emulator.close();
    }

    @Test
    void throttlingIsRetriedBySdk() {
        emulator.faults().throttle("ListTrainingJobs", 2);

        clients.sageMaker.listTrainingJobs(request -> { });

        assertThat(emulator.callCount("ListTrainingJobs")).isEqualTo(3);
    }

    @Test
    void throttlingBeyondRetriesFails() {
        emulator.faults().throttle("ListTrainingJobs", 3);

        assertThatThrownBy(() -> clients.sageMaker.listTrainingJobs(request -> { }))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ThrottlingException");
                    assertThat(e.isThrottlingException()).isTrue();
                });
        assertThat(emulator.callCount("ListTrainingJobs")).isEqualTo(3);
    }

    @Test
    void serverErrorSkipsWork() {
        emulator.faults().serverError("CreateTrainingJob", 1);

        try (AwsClients noRetry = new AwsClients(emulator, 1)) {
            assertThatThrownBy(() -> noRetry.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("server-error").build()))
                    .isInstanceOfSatisfying(SageMakerException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(500);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
                    });
        }

        assertThat(clients.sageMaker.listTrainingJobs(request -> { }).trainingJobSummaries()).isEmpty();
    }

    @Test
    void lostResponseKeepsWork() {
        emulator.faults().loseResponse("CreateTrainingJob", 1);

        // The SDK retries the lost CreateTrainingJob, and the retry meets the job that the first call created.
        assertThatThrownBy(() -> clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("lost-answer").build()))
                .isInstanceOf(ResourceInUseException.class);

        assertThat(clients.sageMaker.describeTrainingJob(request -> request.trainingJobName("lost-answer")).trainingJobStatus())
                .isEqualTo(TrainingJobStatus.IN_PROGRESS);
        assertThat(emulator.calls()).containsExactly("CreateTrainingJob", "CreateTrainingJob", "DescribeTrainingJob");
    }

    @Test
    void faultsApplyInOrder() {
        emulator.faults().serverError("ListTrainingJobs", 1);
        emulator.faults().throttle("ListTrainingJobs", 1);

        clients.sageMaker.listTrainingJobs(request -> { });

        assertThat(emulator.callCount("ListTrainingJobs")).isEqualTo(3);
    }

    @Test
    void delayTriggersClientTimeout() {
        emulator.faults().delay("ListTrainingJobs", Duration.ofSeconds(2), 1);

        assertThatThrownBy(() -> clients.sageMaker.listTrainingJobs(request -> request
                .overrideConfiguration(override -> override.apiCallTimeout(Duration.ofMillis(300)))))
                .isInstanceOf(ApiCallTimeoutException.class);
    }

    @Test
    void clearRemovesPendingFaults() {
        emulator.faults().throttle("ListTrainingJobs", 5);

        emulator.faults().clear();

        clients.sageMaker.listTrainingJobs(request -> { });
        assertThat(emulator.callCount("ListTrainingJobs")).isEqualTo(1);
    }

    @Test
    void missingAuthorizationIsRejected() throws IOException, InterruptedException {
        HttpResponse<String> response = postUnsigned("SageMaker.ListTrainingJobs");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
        assertThat(response.body()).contains("\"__type\":\"MissingAuthenticationTokenException\"");
    }

    @Test
    void unknownOperationIsRejected() throws IOException, InterruptedException {
        HttpResponse<String> response = post("SageMaker.CreateEndpoint", "AWS4-HMAC-SHA256 Credential=x");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("UnknownOperationException");
        assertThat(emulator.calls()).isEqualTo(List.of("CreateEndpoint"));
    }

    private HttpResponse<String> postUnsigned(String target) throws IOException, InterruptedException {
        return post(target, null);
    }

    private HttpResponse<String> post(String target, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/"))
                .header("Content-Type", "application/x-amz-json-1.1")
                .header("X-Amz-Target", target)
                .POST(HttpRequest.BodyPublishers.ofString("{}"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
