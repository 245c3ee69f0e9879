package io.jenkins.plugins.sagemaker.emulator;

import static io.jenkins.plugins.sagemaker.emulator.TrainingJobRequests.BUCKET;
import static io.jenkins.plugins.sagemaker.emulator.TrainingJobRequests.TRAINING_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatus;
import software.amazon.awssdk.services.sagemaker.model.SecondaryStatusTransition;
import software.amazon.awssdk.services.sagemaker.model.StoppingCondition;
import software.amazon.awssdk.services.sagemaker.model.TrainingJobStatus;

class TrainingJobLifecycleTest {

    private SageMakerEmulator emulator;
    private AwsClients clients;
    private ManualClock clock;

    @BeforeEach
    void startEmulator() {
        clock = EmulatorClock.manual(Instant.parse("2025-03-01T10:00:00Z"));
        emulator = SageMakerEmulator.start(EmulatorConfig.builder().clock(clock).build());
        clients = new AwsClients(emulator);
        emulator.createBucket(BUCKET);
        emulator.putObject(BUCKET, TRAINING_PREFIX + "part-0.csv", "1,2,3\n".getBytes(StandardCharsets.UTF_8));
    }

    @AfterEach
    void stopEmulator() {
        clients.close();
        emulator.close();
    }

    @Test
    void jobPassesEveryPhaseAndUploadsModel() throws IOException {
        String arn = clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("happy-job").build()).trainingJobArn();

        assertThat(arn).isEqualTo("arn:aws:sagemaker:us-east-2:123456789012:training-job/happy-job");
        DescribeTrainingJobResponse starting = describe("happy-job");
        assertThat(starting.trainingJobStatus()).isEqualTo(TrainingJobStatus.IN_PROGRESS);
        assertThat(starting.secondaryStatus()).isEqualTo(SecondaryStatus.STARTING);
        assertThat(starting.creationTime()).isEqualTo(Instant.parse("2025-03-01T10:00:00Z"));
        assertThat(starting.trainingStartTime()).isNull();

        clock.advance(Duration.ofSeconds(60));
        DescribeTrainingJobResponse downloading = describe("happy-job");
        assertThat(downloading.secondaryStatus()).isEqualTo(SecondaryStatus.DOWNLOADING);
        assertThat(downloading.trainingStartTime()).isEqualTo(Instant.parse("2025-03-01T10:01:00Z"));

        clock.advance(Duration.ofSeconds(30));
        assertThat(describe("happy-job").secondaryStatus()).isEqualTo(SecondaryStatus.TRAINING);

        clock.advance(Duration.ofSeconds(120));
        assertThat(describe("happy-job").secondaryStatus()).isEqualTo(SecondaryStatus.UPLOADING);
        assertThat(emulator.getObject(BUCKET, "output/happy-job/output/model.tar.gz")).isEmpty();

        clock.advance(Duration.ofSeconds(20));
        DescribeTrainingJobResponse completed = describe("happy-job");
        assertThat(completed.trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(completed.secondaryStatus()).isEqualTo(SecondaryStatus.COMPLETED);
        assertThat(completed.trainingEndTime()).isEqualTo(Instant.parse("2025-03-01T10:03:50Z"));
        assertThat(completed.trainingTimeInSeconds()).isEqualTo(170);
        assertThat(completed.billableTimeInSeconds()).isEqualTo(170);
        assertThat(completed.modelArtifacts().s3ModelArtifacts()).isEqualTo("s3://example-bucket/output/happy-job/output/model.tar.gz");
        assertThat(completed.secondaryStatusTransitions())
                .extracting(SecondaryStatusTransition::statusAsString)
                .containsExactly("Starting", "Downloading", "Training", "Uploading", "Completed");
        assertThat(completed.secondaryStatusTransitions())
                .extracting(SecondaryStatusTransition::statusMessage)
                .containsExactly("Preparing the instances for training", "Downloading input data",
                        "Training image download completed. Training in progress.", "Uploading generated training model",
                        "Training job completed");
        assertThat(completed.secondaryStatusTransitions().get(0).endTime()).isEqualTo(Instant.parse("2025-03-01T10:01:00Z"));

        ResponseBytes<GetObjectResponse> model = clients.s3.getObjectAsBytes(request -> request.bucket(BUCKET)
                .key("output/happy-job/output/model.tar.gz"));
        byte[] tar = new GZIPInputStream(new ByteArrayInputStream(model.asByteArray())).readAllBytes();
        assertThat(new String(tar, 0, 9, StandardCharsets.US_ASCII)).isEqualTo("model.txt");
        assertThat(new String(tar, 257, 5, StandardCharsets.US_ASCII)).isEqualTo("ustar");
    }

    @Test
    void describeEchoesRequest() {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("echo-job")
                .hyperParameters(java.util.Map.of("epochs", "3"))
                .environment(java.util.Map.of("MODE", "test"))
                .enableNetworkIsolation(true)
                .build());

        DescribeTrainingJobResponse job = describe("echo-job");

        assertThat(job.algorithmSpecification().trainingImage()).isEqualTo(TrainingJobRequests.IMAGE);
        assertThat(job.algorithmSpecification().metricDefinitions()).hasSize(1);
        assertThat(job.roleArn()).isEqualTo(TrainingJobRequests.ROLE_ARN);
        assertThat(job.inputDataConfig().get(0).channelName()).isEqualTo("train");
        assertThat(job.inputDataConfig().get(0).dataSource().s3DataSource().s3Uri()).isEqualTo("s3://example-bucket/data/train/");
        assertThat(job.outputDataConfig().s3OutputPath()).isEqualTo("s3://example-bucket/output");
        assertThat(job.resourceConfig().instanceTypeAsString()).isEqualTo("ml.m5.xlarge");
        assertThat(job.stoppingCondition().maxRuntimeInSeconds()).isEqualTo(3600);
        assertThat(job.hyperParameters()).containsEntry("epochs", "3");
        assertThat(job.environment()).containsEntry("MODE", "test");
        assertThat(job.enableNetworkIsolation()).isTrue();
        assertThat(job.enableManagedSpotTraining()).isFalse();
        assertThat(job.enableInterContainerTrafficEncryption()).isFalse();
    }

    @Test
    void startingMessageChangesHalfway() {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("message-job").build());

        assertThat(describe("message-job").secondaryStatusTransitions().get(0).statusMessage())
                .isEqualTo("Launching requested ML instances");

        clock.advance(Duration.ofSeconds(30));
        assertThat(describe("message-job").secondaryStatusTransitions().get(0).statusMessage())
                .isEqualTo("Preparing the instances for training");
    }

    @Test
    void emptyInputPrefixFailsInDownloading() {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("empty-input")
                .inputDataConfig(TrainingJobRequests.channel("train", "s3://example-bucket/x/"))
                .build());

        clock.advance(Duration.ofSeconds(60));
        assertThat(describe("empty-input").secondaryStatus()).isEqualTo(SecondaryStatus.DOWNLOADING);

        clock.advance(Duration.ofSeconds(30));
        DescribeTrainingJobResponse failed = describe("empty-input");
        assertThat(failed.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
        assertThat(failed.secondaryStatus()).isEqualTo(SecondaryStatus.FAILED);
        assertThat(failed.failureReason())
                .startsWith("ClientError: No S3 objects found under S3 URL \"s3://example-bucket/x/\"")
                .contains("channel \"train\"")
                .contains("(us-east-2)")
                .contains(TrainingJobRequests.ROLE_ARN);
        assertThat(failed.modelArtifacts()).isNull();
    }

    @Test
    void missingInputBucketFailsInDownloading() {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("no-bucket")
                .inputDataConfig(TrainingJobRequests.channel("train", "s3://missing-bucket/data/"))
                .build());

        clock.advance(Duration.ofSeconds(90));

        assertThat(describe("no-bucket").failureReason()).contains("s3://missing-bucket/data/");
    }

    @Test
    void missingOutputBucketFailsAtUpload() {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("no-output")
                .outputDataConfig(o -> o.s3OutputPath("s3://missing-output/models"))
                .build());

        clock.advance(Duration.ofSeconds(230));

        DescribeTrainingJobResponse failed = describe("no-output");
        assertThat(failed.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
        assertThat(failed.failureReason()).contains("missing-output").contains("OutputDataConfig.S3OutputPath");
    }

    @Test
    void planFailsInTraining() {
        emulator.planJobs("fail-", JobPlan.builder().failIn("Training", "AlgorithmError: loss diverged").build());
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("fail-job").build());

        clock.advance(Duration.ofSeconds(209));
        assertThat(describe("fail-job").secondaryStatus()).isEqualTo(SecondaryStatus.TRAINING);

        clock.advance(Duration.ofSeconds(1));
        DescribeTrainingJobResponse failed = describe("fail-job");
        assertThat(failed.trainingJobStatus()).isEqualTo(TrainingJobStatus.FAILED);
        assertThat(failed.failureReason()).isEqualTo("AlgorithmError: loss diverged");
        assertThat(failed.trainingEndTime()).isEqualTo(Instant.parse("2025-03-01T10:03:30Z"));
        List<SecondaryStatusTransition> transitions = failed.secondaryStatusTransitions();
        assertThat(transitions).extracting(SecondaryStatusTransition::statusAsString)
                .containsExactly("Starting", "Downloading", "Training", "Failed");
        assertThat(transitions.get(3).statusMessage()).isEqualTo("AlgorithmError: loss diverged");
    }

    @Test
    void longestPrefixPlanWins() {
        emulator.planJobs("", JobPlan.builder().starting(Duration.ofSeconds(5)).build());
        emulator.planJobs("slow-", JobPlan.builder().starting(Duration.ofSeconds(500)).build());
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("slow-job").build());
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("quick-job").build());

        clock.advance(Duration.ofSeconds(10));

        assertThat(describe("slow-job").secondaryStatus()).isEqualTo(SecondaryStatus.STARTING);
        assertThat(describe("quick-job").secondaryStatus()).isEqualTo(SecondaryStatus.DOWNLOADING);
    }

    @Test
    void maxRuntimeExceededStopsJob() {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("slow-training")
                .stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(100).build())
                .build());

        clock.advance(Duration.ofSeconds(159));
        assertThat(describe("slow-training").trainingJobStatus()).isEqualTo(TrainingJobStatus.IN_PROGRESS);

        clock.advance(Duration.ofSeconds(1));
        DescribeTrainingJobResponse stopping = describe("slow-training");
        assertThat(stopping.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPING);

        clock.advance(Duration.ofSeconds(10));
        DescribeTrainingJobResponse stopped = describe("slow-training");
        assertThat(stopped.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(stopped.secondaryStatus()).isEqualTo(SecondaryStatus.MAX_RUNTIME_EXCEEDED);
        assertThat(stopped.failureReason()).isNull();
        assertThat(stopped.secondaryStatusTransitions()).extracting(SecondaryStatusTransition::statusAsString)
                .containsExactly("Starting", "Downloading", "Training", "Stopping", "MaxRuntimeExceeded");
    }

    @Test
    void stopMovesThroughStoppingToStopped() {
        emulator.planJobs("stop-", JobPlan.builder().stopping(Duration.ofSeconds(15)).build());
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("stop-job").build());
        clock.advance(Duration.ofSeconds(100));

        clients.sageMaker.stopTrainingJob(request -> request.trainingJobName("stop-job"));

        DescribeTrainingJobResponse stopping = describe("stop-job");
        assertThat(stopping.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPING);
        assertThat(stopping.secondaryStatus()).isEqualTo(SecondaryStatus.STOPPING);

        clients.sageMaker.stopTrainingJob(request -> request.trainingJobName("stop-job"));
        clock.advance(Duration.ofSeconds(14));
        assertThat(describe("stop-job").trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPING);

        clock.advance(Duration.ofSeconds(1));
        DescribeTrainingJobResponse stopped = describe("stop-job");
        assertThat(stopped.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(stopped.secondaryStatus()).isEqualTo(SecondaryStatus.STOPPED);
        assertThat(stopped.trainingEndTime()).isEqualTo(Instant.parse("2025-03-01T10:01:55Z"));
        assertThat(stopped.secondaryStatusTransitions()).extracting(SecondaryStatusTransition::statusAsString)
                .containsExactly("Starting", "Downloading", "Training", "Stopping", "Stopped");
        assertThat(emulator.callCount("StopTrainingJob")).isEqualTo(2);
    }

    @Test
    void stopOnCompletedJobIsRejected() {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("done-job").build());
        clock.advance(Duration.ofMinutes(10));

        assertThatThrownBy(() -> clients.sageMaker.stopTrainingJob(request -> request.trainingJobName("done-job")))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage())
                            .isEqualTo("The request was rejected because the training job is in status Completed.");
                    assertThat(e.statusCode()).isEqualTo(400);
                });
    }

    @Test
    void duplicateNameIsResourceInUse() {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("Dup-Job").build());

        assertThatThrownBy(() -> clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("dup-job").build()))
                .isInstanceOfSatisfying(ResourceInUseException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Training job names must be unique within an AWS account and region, and a training job"
                                + " with this name already exists (arn:aws:sagemaker:us-east-2:123456789012:training-job/dup-job)"));
    }

    @Test
    void unknownJobIsNotFound() {
        assertThatThrownBy(() -> describe("no-such-job"))
                .isInstanceOfSatisfying(SageMakerException.class, e -> {
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Requested resource not found.");
                });
        assertThatThrownBy(() -> clients.sageMaker.stopTrainingJob(request -> request.trainingJobName("no-such-job")))
                .isInstanceOfSatisfying(SageMakerException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Requested resource not found."));
    }

    @Test
    void managedSpotBillsLess() {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("spot-job")
                .enableManagedSpotTraining(true)
                .stoppingCondition(StoppingCondition.builder().maxRuntimeInSeconds(3600).maxWaitTimeInSeconds(7200).build())
                .build());

        clock.advance(Duration.ofMinutes(10));

        DescribeTrainingJobResponse completed = describe("spot-job");
        assertThat(completed.trainingTimeInSeconds()).isEqualTo(170);
        assertThat(completed.billableTimeInSeconds()).isLessThan(170).isPositive();
    }

    @Test
    void zeroDurationPlanCompletesAtOnce() {
        emulator.planJobs("instant-", JobPlan.builder()
                .starting(Duration.ZERO).downloading(Duration.ZERO).training(Duration.ZERO).uploading(Duration.ZERO)
                .build());

        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("instant-job").build());

        DescribeTrainingJobResponse job = describe("instant-job");
        assertThat(job.trainingJobStatus()).isEqualTo(TrainingJobStatus.COMPLETED);
        assertThat(job.trainingTimeInSeconds()).isZero();
        assertThat(emulator.getObject(BUCKET, "output/instant-job/output/model.tar.gz")).isPresent();
    }

    @Test
    void stopDuringStartingHasNoTrainingTime() {
        clients.sageMaker.createTrainingJob(TrainingJobRequests.imageJob("early-stop").build());
        clock.advance(Duration.ofSeconds(5));

        clients.sageMaker.stopTrainingJob(request -> request.trainingJobName("early-stop"));
        clock.advance(Duration.ofSeconds(10));

        DescribeTrainingJobResponse stopped = describe("early-stop");
        assertThat(stopped.trainingJobStatus()).isEqualTo(TrainingJobStatus.STOPPED);
        assertThat(stopped.trainingStartTime()).isNull();
        assertThat(stopped.trainingTimeInSeconds()).isNull();
        assertThat(stopped.secondaryStatusTransitions()).extracting(SecondaryStatusTransition::statusAsString)
                .containsExactly("Starting", "Stopping", "Stopped");
    }

    private DescribeTrainingJobResponse describe(String name) {
        return clients.sageMaker.describeTrainingJob(request -> request.trainingJobName(name));
    }
}
