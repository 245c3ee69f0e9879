package io.jenkins.plugins.sagemaker.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StopOnRequestTest {

    /** Upper bound for waits on the worker thread; reached only when a test fails. */
    private static final long TEST_WAIT_SECONDS = 30;

    private static EmulatorFixture fixture;

    private final CollectingSink sink = new CollectingSink();
    private final String runId = RunIdentity.newRunId();
    private final CountDownLatch waitingInTraining = new CountDownLatch(1);

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

    /**
     * Advances the emulator clock, but once the job is training, blocks (interruptibly, like the real
     * sleeper) until the run is cancelled, so the test thread can cancel or interrupt at a known point.
     */
    private Sleeper blockingInTraining() {
        return (duration, cancellation) -> {
            fixture.clock.advance(duration);
            if (sink.contains(" Training: ") && !cancellation.isCancelled() && waitingInTraining.getCount() > 0) {
                waitingInTraining.countDown();
                cancellation.await(Duration.ofSeconds(TEST_WAIT_SECONDS));
            }
        };
    }

    private Thread startRun(String jobName, Cancellation cancel, AtomicReference<RunResult> result,
            AtomicBoolean interruptedAfterRun) {
        TrainingRunner runner = new TrainingRunner(fixture.sageMaker, fixture.settings().sleeper(blockingInTraining()).build());
        Thread worker = new Thread(() -> {
            result.set(runner.run(EmulatorFixture.request(jobName), runId, sink, cancel));
            interruptedAfterRun.set(Thread.currentThread().isInterrupted());
        }, "training-run-" + jobName);
        worker.start();
        return worker;
    }

    @Test
    void cancelFromOtherThreadStopsOnce() throws Exception {
        Cancellation cancel = new Cancellation();
        AtomicReference<RunResult> result = new AtomicReference<>();
        Thread worker = startRun("cancel-1", cancel, result, new AtomicBoolean());
        assertThat(waitingInTraining.await(TEST_WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        cancel.cancel();
        worker.join(TimeUnit.SECONDS.toMillis(TEST_WAIT_SECONDS));

        assertThat(worker.isAlive()).isFalse();
        assertThat(result.get().outcome()).isEqualTo(RunOutcome.STOPPED_ON_REQUEST);
        assertThat(result.get().trainingJobStatus()).isEqualTo("Stopped");
        assertThat(result.get().stopPending()).isFalse();
        assertThat(fixture.callCount("StopTrainingJob")).isEqualTo(1);
        assertThat(sink.lines()).containsSubsequence(
                "Run cancelled; stopping training job cancel-1.",
                "Sent StopTrainingJob for training job cancel-1; waiting until it has stopped.",
                "Training job cancel-1 ended with status Stopped.",
                "WARN Result: STOPPED_ON_REQUEST: the run was cancelled and the job stopped.");
    }

    @Test
    void interruptStopsOnceAndKeepsFlag() throws Exception {
        AtomicReference<RunResult> result = new AtomicReference<>();
        AtomicBoolean interruptedAfterRun = new AtomicBoolean();
        Thread worker = startRun("interrupt-1", new Cancellation(), result, interruptedAfterRun);
        assertThat(waitingInTraining.await(TEST_WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(TEST_WAIT_SECONDS));

        assertThat(worker.isAlive()).isFalse();
        assertThat(result.get().outcome()).isEqualTo(RunOutcome.STOPPED_ON_REQUEST);
        assertThat(result.get().trainingJobStatus()).isEqualTo("Stopped");
        assertThat(fixture.callCount("StopTrainingJob")).isEqualTo(1);
        assertThat(interruptedAfterRun.get()).isTrue();
    }

    @Test
    void secondInterruptEndsStopWait() throws Exception {
        fixture.planJobs("twice-", JobPlan.builder().stopping(Duration.ofHours(1)).build());
        CountDownLatch waitingForStop = new CountDownLatch(1);
        Sleeper sleeper = (duration, cancellation) -> {
            fixture.clock.advance(duration);
            if (sink.contains("Sent StopTrainingJob") && waitingForStop.getCount() > 0) {
                waitingForStop.countDown();
                cancellation.await(Duration.ofSeconds(TEST_WAIT_SECONDS));
            } else if (sink.contains(" Training: ") && waitingInTraining.getCount() > 0) {
                waitingInTraining.countDown();
                cancellation.await(Duration.ofSeconds(TEST_WAIT_SECONDS));
            }
        };
        TrainingRunner runner = new TrainingRunner(fixture.sageMaker, fixture.settings().sleeper(sleeper).build());
        AtomicReference<RunResult> result = new AtomicReference<>();
        Thread worker = new Thread(() -> result.set(
                runner.run(EmulatorFixture.request("twice-1"), runId, sink, new Cancellation())), "training-run-twice-1");
        worker.start();
        assertThat(waitingInTraining.await(TEST_WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();

        worker.interrupt();
        assertThat(waitingForStop.await(TEST_WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        worker.interrupt();
        worker.join(TimeUnit.SECONDS.toMillis(TEST_WAIT_SECONDS));

        assertThat(worker.isAlive()).isFalse();
        assertThat(result.get().outcome()).isEqualTo(RunOutcome.STOPPED_ON_REQUEST);
        assertThat(result.get().stopPending()).isTrue();
        assertThat(fixture.callCount("StopTrainingJob")).isEqualTo(1);
        assertThat(sink.lines()).contains(
                "WARN Interrupted again while waiting for training job twice-1 to stop; no longer waiting.");
    }

    @Test
    void stoppingEndedJobReportsRealStatus() {
        RunSettings settings = fixture.settings().build();
        new JobSubmitter(fixture.sageMaker, settings).submit(EmulatorFixture.request("ended-1"), runId, sink, new Cancellation());
        fixture.clock.advance(Duration.ofMinutes(10));
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        JobFollower follower = new JobFollower(fixture.sageMaker, settings);

        RunResult result = follower.followUntilDone(follower.start("ended-1"), sink, cancel);

        assertThat(result.outcome()).isEqualTo(RunOutcome.COMPLETED);
        assertThat(fixture.callCount("StopTrainingJob")).isEqualTo(1);
        assertThat(sink.count("Training job ended-1 was already Completed when the stop was requested; "
                + "StopTrainingJob was not needed.")).isEqualTo(1);
        assertThat(sink.lines()).noneMatch(line -> line.contains("ValidationException"));
    }

    @Test
    void unconfirmedStopEndsAfterTimeout() {
        fixture.planJobs("hang-", JobPlan.builder().stopping(Duration.ofHours(1)).build());
        RunSettings settings = fixture.settings().stopTimeout(Duration.ofMinutes(5)).build();
        new JobSubmitter(fixture.sageMaker, settings).submit(EmulatorFixture.request("hang-1"), runId, sink, new Cancellation());
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        JobFollower follower = new JobFollower(fixture.sageMaker, settings);

        RunResult result = follower.followUntilDone(follower.start("hang-1"), sink, cancel);

        assertThat(result.outcome()).isEqualTo(RunOutcome.STOPPED_ON_REQUEST);
        assertThat(result.stopPending()).isTrue();
        assertThat(result.trainingJobStatus()).isEqualTo("Stopping");
        assertThat(fixture.callCount("StopTrainingJob")).isEqualTo(1);
        assertThat(sink.lines()).containsSubsequence(
                "Training job hang-1 last reported status Stopping.",
                "WARN Result: STOPPED_ON_REQUEST: a stop was requested but not confirmed.");
    }

    @Test
    void pipelineStyleStopByState() {
        RunSettings settings = fixture.settings().build();
        new JobSubmitter(fixture.sageMaker, settings).submit(EmulatorFixture.request("pipeline-1"), runId, sink, new Cancellation());
        JobFollower follower = new JobFollower(fixture.sageMaker, settings);
        FollowState state = follower.poll(follower.start("pipeline-1"), sink).next();

        state = follower.requestStop(state);
        state = follower.requestStop(state);
        PollResult poll;
        do {
            poll = follower.poll(state, sink);
            state = poll.next();
            fixture.clock.advance(poll.nextDelay());
        } while (!poll.isDone());

        assertThat(poll.result().orElseThrow().outcome()).isEqualTo(RunOutcome.STOPPED_ON_REQUEST);
        assertThat(fixture.callCount("StopTrainingJob")).isEqualTo(1);
    }

    @Test
    void throttledStopIsSentOnce() {
        RunSettings settings = fixture.settings().build();
        new JobSubmitter(fixture.sageMaker, settings).submit(EmulatorFixture.request("stopthrottle-1"), runId, sink, new Cancellation());
        fixture.emulator.faults().throttle("StopTrainingJob", 2);
        Cancellation cancel = new Cancellation();
        cancel.cancel();
        JobFollower follower = new JobFollower(fixture.sageMaker, settings);

        RunResult result = follower.followUntilDone(follower.start("stopthrottle-1"), sink, cancel);

        assertThat(result.outcome()).isEqualTo(RunOutcome.STOPPED_ON_REQUEST);
        assertThat(fixture.callCount("StopTrainingJob")).isEqualTo(3);
        assertThat(sink.warnings()).contains("WARN StopTrainingJob was throttled; retrying with backoff.");
        assertThat(sink.count("Sent StopTrainingJob for training job stopthrottle-1; waiting until it has stopped.")).isEqualTo(1);
    }
}
