package io.jenkins.plugins.sagemaker.engine.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.DescribeTrainingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.ResourceInUseException;
import software.amazon.awssdk.services.sagemaker.model.Tag;

/**
 * Sends CreateTrainingJob for one run, retrying transient failures, and recognises a job that the
 * same run created earlier (a lost response or a resumed submission) by its run-id tag.
 */
public final class JobSubmitter {

    private static final Logger LOGGER = Logger.getLogger(JobSubmitter.class.getName());

    private final SageMakerClient client;
    private final RunSettings settings;

    public JobSubmitter(SageMakerClient client, RunSettings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * Creates the training job, or adopts it when a job of that name already carries this run's id.
     *
     * @param request the job request; the run-id tag is added when missing
     * @param runId this run's id, see {@link RunIdentity#newRunId()}
     * @return the created or adopted job
     * @throws CancellationException if cancelled before a job was created; nothing was sent when
     *     cancelled before the call
     * @throws TrainingRunException if AWS rejected the request, the name belongs to another job,
     *     or transient errors outlasted {@link RunSettings#submitAttempts()}
     */
    public SubmittedJob submit(CreateTrainingJobRequest request, String runId, LogSink sink, Cancellation cancel) {
        RunIdentity.check(runId);
        CreateTrainingJobRequest tagged = withRunIdTag(request, runId);
        String jobName = tagged.trainingJobName();
        Call call = new Call(sink, cancel);
        try {
            call.noticeInterrupt();
            if (cancel.isCancelled()) {
                sink.info("Run cancelled before submission; training job " + jobName + " was not created.");
                throw new CancellationException("Run cancelled before CreateTrainingJob was sent for training job " + jobName + ".");
            }
            return create(tagged, runId, call);
        } finally {
            call.restoreInterrupt();
        }
    }

    private SubmittedJob create(CreateTrainingJobRequest request, String runId, Call call) {
        String jobName = request.trainingJobName();
        call.sink.info("Submitting training job " + jobName + " (run id " + runId + ").");
        for (int attempt = 1; ; attempt++) {
            try {
                CreateTrainingJobResponse response = call.uninterruptibly(() -> client.createTrainingJob(request));
                if (attempt > 1) {
                    call.sink.info("CreateTrainingJob succeeded after " + (attempt - 1) + " retries.");
                }
                return announce(new SubmittedJob(jobName, response.trainingJobArn(), runId, false, consoleUrl(jobName)), call.sink);
            } catch (ResourceInUseException e) {
                LOGGER.log(Level.FINE, "CreateTrainingJob returned ResourceInUse for " + jobName, e);
                return adoptOrReject(jobName, runId, call);
            } catch (SdkException e) {
                if (AwsErrors.isInterruption(e)) {
                    call.interrupted();
                } else if (!AwsErrors.isTransient(e)) {
                    throw new TrainingRunException("CreateTrainingJob failed for training job " + jobName + ": "
                            + AwsErrors.describe(e), AwsErrors.errorCode(e), e);
                } else if (attempt >= settings.submitAttempts()) {
                    throw new TrainingRunException("CreateTrainingJob for training job " + jobName + " still failed after "
                            + attempt + " attempts (" + AwsErrors.describe(e) + "); check the network and AWS health, then run again.",
                            AwsErrors.errorCode(e), e);
                } else {
                    if (attempt == 1) {
                        call.sink.warn(AwsErrors.retryWarning("CreateTrainingJob", e));
                    }
                    LOGGER.log(Level.FINE, "CreateTrainingJob attempt " + attempt + " failed for " + jobName, e);
                    call.sleep(retryDelay(attempt), call.cancel);
                }
                if (call.cancel.isCancelled()) {
                    return findAfterCancel(jobName, runId, call);
                }
            }
        }
    }

    /** After a cancel during retries the job may exist anyway, because an earlier attempt may have arrived. */
    private SubmittedJob findAfterCancel(String jobName, String runId, Call call) {
        Optional<ExistingJob> existing;
        try {
            existing = lookUp(jobName, call);
        } catch (TrainingRunException e) {
            call.sink.warn("Run cancelled; could not check whether training job " + jobName + " was created: " + e.getMessage());
            throw new CancellationException("Run cancelled while CreateTrainingJob was retried for training job " + jobName + ".");
        }
        if (existing.isPresent() && runId.equals(existing.get().runId)) {
            call.sink.info("Run cancelled, but training job " + jobName + " was already created by this run.");
            return announce(new SubmittedJob(jobName, existing.get().arn, runId, true, consoleUrl(jobName)), call.sink);
        }
        call.sink.info("Run cancelled before submission; training job " + jobName + " was not created.");
        throw new CancellationException("Run cancelled while CreateTrainingJob was retried for training job " + jobName + ".");
    }

    private SubmittedJob adoptOrReject(String jobName, String runId, Call call) {
        Optional<ExistingJob> existing = lookUp(jobName, call);
        if (existing.isPresent() && runId.equals(existing.get().runId)) {
            call.sink.info("Training job " + jobName + " already exists with this run's id; following it instead of creating it again.");
            return announce(new SubmittedJob(jobName, existing.get().arn, runId, true, consoleUrl(jobName)), call.sink);
        }
        throw new TrainingRunException("A training job named " + jobName + " already exists and was not started by this run; "
                + "choose another job name or leave the job name empty to derive one.", "ResourceInUse", null);
    }

    /** Reads the job's ARN and run-id tag; empty when no job has that name. */
    private Optional<ExistingJob> lookUp(String jobName, Call call) {
        DescribeTrainingJobResponse job;
        try {
            job = callWithRetries("DescribeTrainingJob", jobName, call,
                    () -> client.describeTrainingJob(r -> r.trainingJobName(jobName)));
        } catch (SdkException e) {
            if (AwsErrors.isNotFound(e)) {
                return Optional.empty();
            }
            throw new TrainingRunException("DescribeTrainingJob failed for training job " + jobName + ": "
                    + AwsErrors.describe(e), AwsErrors.errorCode(e), e);
        }
        String arn = job.trainingJobArn();
        List<Tag> tags = new ArrayList<>();
        try {
            callWithRetries("ListTags", jobName, call, () -> {
                tags.clear();
                client.listTagsPaginator(r -> r.resourceArn(arn)).tags().forEach(tags::add);
                return tags;
            });
        } catch (SdkException e) {
            throw new TrainingRunException("ListTags failed for training job " + jobName + ": "
                    + AwsErrors.describe(e), AwsErrors.errorCode(e), e);
        }
        String taggedRunId = tags.stream()
                .filter(tag -> RunIdentity.TAG_KEY.equals(tag.key()))
                .map(Tag::value)
                .findFirst()
                .orElse(null);
        return Optional.of(new ExistingJob(arn, taggedRunId));
    }

    /**
     * Calls AWS, retrying transient errors even after a cancel, because the result decides whether
     * this run owns a job that must be stopped. Other SDK errors are thrown unchanged.
     */
    private <T> T callWithRetries(String operation, String jobName, Call call, Supplier<T> request) {
        Cancellation uncancellable = new Cancellation();
        for (int attempt = 1; ; attempt++) {
            try {
                T result = call.uninterruptibly(request);
                if (attempt > 1) {
                    call.sink.info(operation + " succeeded after " + (attempt - 1) + " retries.");
                }
                return result;
            } catch (SdkException e) {
                boolean interruption = AwsErrors.isInterruption(e);
                if (interruption) {
                    call.interrupted();
                } else if (!AwsErrors.isTransient(e)) {
                    throw e;
                }
                if (attempt >= settings.submitAttempts()) {
                    throw new TrainingRunException(operation + " for training job " + jobName + " still failed after "
                            + attempt + " attempts (" + AwsErrors.describe(e) + "); check the network and AWS health, then run again.",
                            AwsErrors.errorCode(e), e);
                }
                if (attempt == 1 && !interruption) {
                    call.sink.warn(AwsErrors.retryWarning(operation, e));
                }
                call.sleep(retryDelay(attempt), uncancellable);
            }
        }
    }

    private SubmittedJob announce(SubmittedJob job, LogSink sink) {
        sink.info("Training job: " + job.jobName());
        sink.info("ARN: " + job.jobArn());
        sink.info("AWS console: " + job.consoleUrl());
        return job;
    }

    private String consoleUrl(String jobName) {
        return SubmittedJob.consoleUrl(client.serviceClientConfiguration().region().id(), jobName);
    }

    private Duration retryDelay(int retry) {
        return Backoff.retryDelay(retry, settings.retryBaseDelay(), settings.retryMaxDelay(),
                () -> ThreadLocalRandom.current().nextDouble());
    }

    /** Adds the run-id tag, or checks it when the request already has one. */
    static CreateTrainingJobRequest withRunIdTag(CreateTrainingJobRequest request, String runId) {
        if (request.trainingJobName() == null || request.trainingJobName().isBlank()) {
            throw new IllegalArgumentException("TrainingJobName is missing in the CreateTrainingJob request; set a job name.");
        }
        List<Tag> tags = new ArrayList<>(request.hasTags() ? request.tags() : List.of());
        for (Tag tag : tags) {
            if (RunIdentity.TAG_KEY.equals(tag.key())) {
                if (!runId.equals(tag.value())) {
                    throw new IllegalArgumentException("Tag " + RunIdentity.TAG_KEY + " is '" + tag.value()
                            + "' but the run id is '" + runId + "'; build the request with the same run id.");
                }
                return request;
            }
        }
        tags.add(Tag.builder().key(RunIdentity.TAG_KEY).value(runId).build());
        return request.toBuilder().tags(tags).build();
    }

    /** A job found under the requested name. */
    private static final class ExistingJob {
        final String arn;
        final String runId;

        ExistingJob(String arn, String runId) {
            this.arn = arn;
            this.runId = runId;
        }
    }

    /**
     * Interrupt bookkeeping for one submission: an interrupt cancels the run, is cleared around SDK
     * calls (the SDK aborts calls on interrupted threads) and is restored when submit returns.
     */
    private final class Call {
        final LogSink sink;
        final Cancellation cancel;
        boolean interrupted;

        Call(LogSink sink, Cancellation cancel) {
            this.sink = sink;
            this.cancel = cancel;
        }

        void noticeInterrupt() {
            if (Thread.interrupted()) {
                interrupted();
            }
        }

        void interrupted() {
            interrupted = true;
            cancel.cancel();
        }

        <T> T uninterruptibly(Supplier<T> request) {
            noticeInterrupt();
            return request.get();
        }

        void sleep(Duration delay, Cancellation wakeUp) {
            try {
                settings.sleeper().sleep(delay, wakeUp);
            } catch (InterruptedException e) {
                interrupted();
            }
        }

        void restoreInterrupt() {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
