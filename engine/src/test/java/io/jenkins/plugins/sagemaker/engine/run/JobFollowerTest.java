package io.jenkins.plugins.sagemaker.engine.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JobFollowerTest {

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

    private RunResult run(String jobName, RunSettings settings) {
        return new TrainingRunner(fixture.sageMaker, settings).run(EmulatorFixture.request(jobName), runId, sink, new Cancellation());
    }

    private static String line(SecondaryTransition transition) {
        return StatusPrinter.format(transition.startTime()) + " " + transition.status()
                + (transition.statusMessage() == null ? "" : ": " + transition.statusMessage());
    }

    @Test
    void completedJobPrintsEachStatusOnce() {
        fixture.planJobs("done-", JobPlan.builder()
                .logLines(1, List.of("[0] validation-rmse:0.5", "[1] validation-rmse:0.25"))
                .build());

        RunResult result = run("done-1", fixture.settings().build());

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(result.isSuccess()).isTrue();
        assertThat(sink.lines()).doesNotHaveDuplicates();
        assertThat(sink.count("Training job done-1 status: InProgress.")).isEqualTo(1);
        assertThat(sink.count("Training job done-1 status: Completed.")).isEqualTo(1);
        assertThat(result.secondaryTransitions()).extracting(SecondaryTransition::status)
                .containsExactly("Starting", "Downloading", "Training", "Uploading", "Completed");
        for (SecondaryTransition transition : result.secondaryTransitions()) {
            assertThat(sink.count(line(transition))).as(line(transition)).isEqualTo(1);
        }
        assertThat(sink.warnings()).isEmpty();
    }

    @Test
    void completedJobEndsWithSummary() {
        fixture.planJobs("done-", JobPlan.builder()
                .logLines(1, List.of("[0] validation-rmse:0.5", "[1] validation-rmse:0.25"))
                .build());

        RunResult result = run("done-2", fixture.settings().build());

        assertThat(result.trainingSeconds()).isPresent();
        assertThat(result.modelArtifactsUri()).contains("s3://example-bucket/output/done-2/output/model.tar.gz");
        assertThat(result.finalMetrics()).containsEntry("validation:rmse", 0.25);
        List<String> lines = sink.lines();
        assertThat(lines.subList(lines.size() - 7, lines.size() - 2)).containsExactly(
                "Training job done-2 ended with status Completed.",
                "Training time: " + result.trainingSeconds().get() + " s, billable time: "
                        + result.billableSeconds().get() + " s.",
                "Model artifacts: s3://example-bucket/output/done-2/output/model.tar.gz",
                "Final metrics:",
                "  Metric           Value  Time");
        assertThat(lines.get(lines.size() - 2)).matches("  validation:rmse   0\\.25  \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
        assertThat(lines.get(lines.size() - 1)).isEqualTo("Result: COMPLETED.");
    }

    @Test
    void startingMessageUpdateIsPrintedAgain() {
        RunResult result = run("starting-1", fixture.settings().pollInterval(Duration.ofSeconds(5)).build());

        String start = StatusPrinter.format(result.secondaryTransitions().get(0).startTime());
        assertThat(sink.lines()).containsSubsequence(
                start + " Starting: Launching requested ML instances",
                start + " Starting: Preparing the instances for training");
    }

    @Test
    void failingJobReportsReason() {
        fixture.planJobs("fail-", JobPlan.builder().failIn("Training", "AlgorithmError: out of memory").build());

        RunResult result = run("fail-1", fixture.settings().build());

        assertThat(result.outcome()).isEqualTo(RunOutcome.FAILED);
        assertThat(result.isSuccess()).isFalse();
        assertThat(result.failureReason()).contains("AlgorithmError: out of memory");
        assertThat(sink.lines()).containsSubsequence(
                "Training job fail-1 ended with status Failed.",
                "WARN Failure reason: AlgorithmError: out of memory",
                "WARN Result: FAILED.");
    }

    @Test
    void maxRuntimeIsStoppedByOthers() {
        RunResult result = new TrainingRunner(fixture.sageMaker, fixture.settings().build())
                .run(EmulatorFixture.request("slow-1", Duration.ofSeconds(60)), runId, sink, new Cancellation());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STOPPED_BY_OTHERS);
        assertThat(result.trainingJobStatus()).isEqualTo("Stopped");
        assertThat(result.secondaryStatus()).isEqualTo("MaxRuntimeExceeded");
        assertThat(fixture.callCount("StopTrainingJob")).isZero();
        assertThat(sink.lines()).contains(
                "WARN Result: STOPPED_BY_OTHERS: the job reached its stopping condition (MaxRuntimeExceeded).");
    }

    @Test
    void stopFromConsoleIsStoppedByOthers() {
        JobFollower follower = new JobFollower(fixture.sageMaker, fixture.settings().build());
        new JobSubmitter(fixture.sageMaker, fixture.settings().build())
                .submit(EmulatorFixture.request("console-1"), runId, sink, new Cancellation());
        PollResult first = follower.poll(follower.start("console-1"), sink);

        fixture.sageMaker.stopTrainingJob(r -> r.trainingJobName("console-1"));
        RunResult result = follower.followUntilDone(first.next(), sink, new Cancellation());

        assertThat(result.outcome()).isEqualTo(RunOutcome.STOPPED_BY_OTHERS);
        assertThat(result.secondaryStatus()).isEqualTo("Stopped");
        assertThat(fixture.callCount("StopTrainingJob")).isEqualTo(1);
    }

    @Test
    void throttledDescribesStillComplete() {
        fixture.emulator.faults().throttle("DescribeTrainingJob", 5);

        RunResult result = run("throttled-1", fixture.settings().build());

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(sink.warnings()).containsExactly("WARN DescribeTrainingJob was throttled; retrying with backoff.");
        assertThat(sink.count("DescribeTrainingJob succeeded after 5 retries.")).isEqualTo(1);
    }

    @Test
    void serverErrorsDuringPollStillComplete() {
        JobFollower follower = new JobFollower(fixture.sageMaker, fixture.settings().build());
        new JobSubmitter(fixture.sageMaker, fixture.settings().build())
                .submit(EmulatorFixture.request("flaky-1"), runId, sink, new Cancellation());
        FollowState state = follower.poll(follower.start("flaky-1"), sink).next();
        fixture.emulator.faults().serverError("DescribeTrainingJob", 3);

        RunResult result = follower.followUntilDone(state, sink, new Cancellation());

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(sink.warnings()).hasSize(1);
        assertThat(sink.warnings().get(0)).startsWith("WARN DescribeTrainingJob failed with HTTP 500");
        assertThat(sink.count("DescribeTrainingJob succeeded after 3 retries.")).isEqualTo(1);
    }

    @Test
    void transientErrorKeepsStateAndBacksOff() {
        JobFollower follower = new JobFollower(fixture.sageMaker, fixture.settings().build());
        new JobSubmitter(fixture.sageMaker, fixture.settings().build())
                .submit(EmulatorFixture.request("retry-1"), runId, sink, new Cancellation());
        FollowState state = follower.poll(follower.start("retry-1"), sink).next();
        fixture.emulator.faults().throttle("DescribeTrainingJob", 2);

        PollResult first = follower.poll(state, sink);
        PollResult second = follower.poll(first.next(), sink);

        assertThat(first.isDone()).isFalse();
        assertThat(first.next().retryStreak()).isEqualTo(1);
        assertThat(second.next().retryStreak()).isEqualTo(2);
        assertThat(first.next().lastStatus()).isEqualTo(state.lastStatus());
        assertThat(first.nextDelay()).isBetween(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(second.nextDelay()).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void unknownJobFailsWithAwsCode() {
        JobFollower follower = new JobFollower(fixture.sageMaker, fixture.settings().build());

        assertThatThrownBy(() -> follower.poll(follower.start("missing-1"), sink))
                .isInstanceOf(TrainingRunException.class)
                .hasMessage("DescribeTrainingJob failed for training job missing-1: ValidationException: Requested resource not found.")
                .satisfies(e -> assertThat(((TrainingRunException) e).errorCode()).contains("ValidationException"));
    }

    @Test
    void resumedFollowerPrintsNoLineTwice() throws Exception {
        RunSettings settings = fixture.settings().build();
        new JobSubmitter(fixture.sageMaker, settings).submit(EmulatorFixture.request("resume-1"), runId, sink, new Cancellation());
        JobFollower before = new JobFollower(fixture.sageMaker, settings);
        FollowState state = before.start("resume-1");
        while (!sink.contains(" Training: ")) {
            PollResult poll = before.poll(state, sink);
            state = poll.next();
            fixture.clock.advance(poll.nextDelay());
        }

        FollowState restored = FollowStateTest.roundTrip(state);
        JobFollower after = new JobFollower(fixture.sageMaker, settings);
        RunResult result = after.followUntilDone(restored, sink, new Cancellation());

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(sink.lines()).doesNotHaveDuplicates();
        for (SecondaryTransition transition : result.secondaryTransitions()) {
            assertThat(sink.count(line(transition))).as(line(transition)).isEqualTo(1);
        }
        assertThat(sink.count("Training job resume-1 status: InProgress.")).isEqualTo(1);
    }

    @Test
    void pollIntervalGrowsAndResets() {
        fixture.planJobs("interval-", JobPlan.builder()
                .training(Duration.ofMinutes(10))
                .uploading(Duration.ofMinutes(10))
                .build());
        RunSettings settings = fixture.settings().build();
        new JobSubmitter(fixture.sageMaker, settings).submit(EmulatorFixture.request("interval-1"), runId, sink, new Cancellation());
        JobFollower follower = new JobFollower(fixture.sageMaker, settings);
        FollowState state = follower.start("interval-1");
        while (!sink.contains(" Training: ")) {
            PollResult poll = follower.poll(state, sink);
            state = poll.next();
            fixture.clock.advance(poll.nextDelay());
        }

        PollResult quiet1 = follower.poll(state, sink);
        fixture.clock.advance(quiet1.nextDelay());
        PollResult quiet2 = follower.poll(quiet1.next(), sink);
        fixture.clock.advance(Duration.ofMinutes(10));
        PollResult changed = follower.poll(quiet2.next(), sink);

        assertThat(quiet1.nextDelay()).isEqualTo(Duration.ofMillis(7500));
        assertThat(quiet2.nextDelay()).isEqualTo(Duration.ofMillis(11250));
        assertThat(changed.nextDelay()).isEqualTo(Duration.ofSeconds(5));
    }
}
