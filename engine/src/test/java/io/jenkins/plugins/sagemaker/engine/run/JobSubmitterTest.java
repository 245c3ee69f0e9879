package io.jenkins.plugins.sagemaker.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.Tag;

class JobSubmitterTest {

    private static EmulatorFixture fixture;

    private final CollectingSink sink = new CollectingSink();
    private final String runId = RunIdentity.newRunId();

    @BeforeAll
    static void startEmulator() {
        fixture = new EmulatorFixture();
    }

    @AfterAll
    static void stopEmulator() {
        fixture.close();
    }

    @BeforeEach
    void resetEmulator() {
        fixture.reset();
    }

    private JobSubmitter submitter() {
        return new JobSubmitter(fixture.sageMaker, fixture.settings().build());
    }

    @Test
    void submitPrintsNameArnAndConsoleLink() {
        SubmittedJob job = submitter().submit(EmulatorFixture.request("submit-1"), runId, sink, new Cancellation());

        assertThat(job.adopted()).isFalse();
        assertThat(job.jobArn()).isEqualTo("arn:aws:sagemaker:us-east-2:123456789012:training-job/submit-1");
        assertThat(sink.lines()).containsSubsequence(
                "Training job: submit-1",
                "ARN: arn:aws:sagemaker:us-east-2:123456789012:training-job/submit-1",
                "AWS console: https://us-east-2.console.aws.amazon.com/sagemaker/home?region=us-east-2#/jobs/submit-1");
    }

    @Test
    void submitTagsJobWithRunId() {
        SubmittedJob job = submitter().submit(EmulatorFixture.request("submit-2"), runId, sink, new Cancellation());

        assertThat(fixture.sageMaker.listTags(r -> r.resourceArn(job.jobArn())).tags())
                .contains(Tag.builder().key(RunIdentity.TAG_KEY).value(runId).build());
    }

    @Test
    void cancelBeforeSubmitSendsNothing() {
        Cancellation cancel = new Cancellation();
        cancel.cancel();

        assertThatThrownBy(() -> submitter().submit(EmulatorFixture.request("cancelled-1"), runId, sink, cancel))
                .isInstanceOf(CancellationException.class);

        assertThat(fixture.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void interruptBeforeSubmitSendsNothing() {
        Cancellation cancel = new Cancellation();
        Thread.currentThread().interrupt();
        boolean stillInterrupted;
        try {
            assertThatThrownBy(() -> submitter().submit(EmulatorFixture.request("cancelled-2"), runId, sink, cancel))
                    .isInstanceOf(CancellationException.class);
        } finally {
            stillInterrupted = Thread.interrupted();
        }

        assertThat(stillInterrupted).isTrue();
        assertThat(cancel.isCancelled()).isTrue();
        assertThat(fixture.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void foreignJobWithSameNameIsNotTouched() {
        fixture.sageMaker.createTrainingJob(EmulatorFixture.request("shared-1").toBuilder()
                .tags(Tag.builder().key(RunIdentity.TAG_KEY).value("another-run").build())
                .build());

        assertThatThrownBy(() -> submitter().submit(EmulatorFixture.request("shared-1"), runId, sink, new Cancellation()))
                .isInstanceOf(TrainingRunException.class)
                .hasMessage("A training job named shared-1 already exists and was not started by this run; "
                        + "choose another job name or leave the job name empty to derive one.");

        assertThat(fixture.callCount("DescribeTrainingJob")).isEqualTo(1);
        assertThat(fixture.callCount("ListTags")).isEqualTo(1);
        assertThat(fixture.callCount("StopTrainingJob")).isZero();
    }

    @Test
    void untaggedJobWithSameNameIsForeign() {
        fixture.sageMaker.createTrainingJob(EmulatorFixture.request("shared-2"));

        assertThatThrownBy(() -> submitter().submit(EmulatorFixture.request("shared-2"), runId, sink, new Cancellation()))
                .isInstanceOf(TrainingRunException.class)
                .hasMessageContaining("A training job named shared-2 already exists and was not started by this run");
    }

    @Test
    void lostCreateResponseIsAdopted() {
        fixture.emulator.faults().loseResponse("CreateTrainingJob", 1);

        SubmittedJob job = submitter().submit(EmulatorFixture.request("lost-1"), runId, sink, new Cancellation());

        assertThat(job.adopted()).isTrue();
        assertThat(job.jobArn()).isEqualTo("arn:aws:sagemaker:us-east-2:123456789012:training-job/lost-1");
        assertThat(fixture.callCount("CreateTrainingJob")).isEqualTo(2);
        assertThat(fixture.sageMaker.listTrainingJobs(r -> r.nameContains("lost-1")).trainingJobSummaries()).hasSize(1);
        assertThat(sink.lines()).contains(
                "Training job lost-1 already exists with this run's id; following it instead of creating it again.");
        assertThat(sink.warnings()).hasSize(1);
        assertThat(sink.warnings().get(0)).startsWith("WARN CreateTrainingJob failed with HTTP 500 (InternalFailure");
    }

    @Test
    void lostResponseRetriedBySdkIsAdopted() {
        fixture.emulator.faults().loseResponse("CreateTrainingJob", 1);

        try (SageMakerClient sdkRetries = fixture.sageMakerClient(3)) {
            SubmittedJob job = new JobSubmitter(sdkRetries, fixture.settings().build())
                    .submit(EmulatorFixture.request("lost-2"), runId, sink, new Cancellation());

            assertThat(job.adopted()).isTrue();
        }

        assertThat(fixture.callCount("CreateTrainingJob")).isEqualTo(2);
        assertThat(fixture.sageMaker.listTrainingJobs(r -> r.nameContains("lost-2")).trainingJobSummaries()).hasSize(1);
    }

    @Test
    void resubmissionWithSameRunIdIsAdopted() {
        submitter().submit(EmulatorFixture.request("resume-1"), runId, new CollectingSink(), new Cancellation());

        SubmittedJob again = submitter().submit(EmulatorFixture.request("resume-1"), runId, sink, new Cancellation());

        assertThat(again.adopted()).isTrue();
        assertThat(fixture.callCount("CreateTrainingJob")).isEqualTo(2);
    }

    @Test
    void throttledCreateIsRetried() {
        fixture.emulator.faults().throttle("CreateTrainingJob", 2);

        SubmittedJob job = submitter().submit(EmulatorFixture.request("throttled-1"), runId, sink, new Cancellation());

        assertThat(job.adopted()).isFalse();
        assertThat(sink.warnings()).containsExactly("WARN CreateTrainingJob was throttled; retrying with backoff.");
        assertThat(sink.lines()).contains("CreateTrainingJob succeeded after 2 retries.");
    }

    @Test
    void persistentServerErrorsFailAfterLimit() {
        fixture.emulator.faults().serverError("CreateTrainingJob", 10);
        JobSubmitter submitter = new JobSubmitter(fixture.sageMaker, fixture.settings().submitAttempts(3).build());

        assertThatThrownBy(() -> submitter.submit(EmulatorFixture.request("down-1"), runId, sink, new Cancellation()))
                .isInstanceOf(TrainingRunException.class)
                .hasMessageStartingWith("CreateTrainingJob for training job down-1 still failed after 3 attempts");

        assertThat(fixture.callCount("CreateTrainingJob")).isEqualTo(3);
    }

    @Test
    void invalidRequestFailsAtOnce() {
        assertThatThrownBy(() -> submitter().submit(EmulatorFixture.request("invalid-1").toBuilder().roleArn("not-a-role").build(),
                runId, sink, new Cancellation()))
                .isInstanceOf(TrainingRunException.class)
                .hasMessageStartingWith("CreateTrainingJob failed for training job invalid-1: ValidationException: ")
                .satisfies(e -> assertThat(((TrainingRunException) e).errorCode()).contains("ValidationException"));

        assertThat(fixture.callCount("CreateTrainingJob")).isEqualTo(1);
    }

    @Test
    void conflictingRunIdTagIsRejected() {
        assertThatThrownBy(() -> submitter().submit(EmulatorFixture.request("tagged-1").toBuilder()
                        .tags(Tag.builder().key(RunIdentity.TAG_KEY).value("other").build()).build(),
                runId, sink, new Cancellation()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Tag sagemaker-training:run-id is 'other'");

        assertThat(fixture.callCount("CreateTrainingJob")).isZero();
    }
}
