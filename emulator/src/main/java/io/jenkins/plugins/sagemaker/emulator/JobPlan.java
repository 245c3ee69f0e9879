package io.jenkins.plugins.sagemaker.emulator;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Script of one emulated training job: how long each secondary status lasts, whether and where the job
 * fails, and which log lines each instance writes. Immutable. It is chosen by job name prefix when the job is
 * created (see {@link SageMakerEmulator#planJobs}).
 */
public final class JobPlan {

    /** Secondary statuses in which a plan can make the job fail. */
    public static final Set<String> FAILABLE_PHASES = Set.of("Starting", "Downloading", "Training", "Uploading");

    private static final JobPlan DEFAULTS = builder().build();

    private final Duration starting;
    private final Duration downloading;
    private final Duration training;
    private final Duration uploading;
    private final Duration stopping;
    private final String failurePhase;
    private final String failureReason;
    private final List<String> failureLogLines;
    private final Map<Integer, List<String>> logLines;
    private final Map<Integer, Duration> logStreamDelays;

    private JobPlan(Builder builder) {
        this.starting = builder.starting;
        this.downloading = builder.downloading;
        this.training = builder.training;
        this.uploading = builder.uploading;
        this.stopping = builder.stopping;
        this.failurePhase = builder.failurePhase;
        this.failureReason = builder.failureReason;
        this.failureLogLines = builder.failureLogLines;
        this.logLines = Map.copyOf(builder.logLines);
        this.logStreamDelays = Map.copyOf(builder.logStreamDelays);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns the default plan: Starting 60 s, Downloading 30 s, Training 120 s, Uploading 20 s, then Completed. */
    public static JobPlan defaults() {
        return DEFAULTS;
    }

    public Duration starting() {
        return starting;
    }

    public Duration downloading() {
        return downloading;
    }

    public Duration training() {
        return training;
    }

    public Duration uploading() {
        return uploading;
    }

    /** Time from StopTrainingJob (or the maximum runtime) to the Stopped status. */
    public Duration stopping() {
        return stopping;
    }

    /** Secondary status at whose end the job fails, if the plan makes it fail. */
    public Optional<String> failurePhase() {
        return Optional.ofNullable(failurePhase);
    }

    public Optional<String> failureReason() {
        return Optional.ofNullable(failureReason);
    }

    /**
     * Lines that instance 1 writes just before a failure in Training. The default is a short Python traceback
     * that ends with the failure reason.
     */
    public List<String> failureLogLines() {
        if (failureLogLines != null) {
            return failureLogLines;
        }
        return List.of(
                "Traceback (most recent call last):",
                "  File \"/opt/ml/code/train.py\", line 42, in <module>",
                "    main()",
                failureReason == null ? "RuntimeError: training failed" : failureReason);
    }

    /** Returns the lines that replace the default log of an instance (1-based), if the plan sets them. */
    public Optional<List<String>> logLines(int instance) {
        return Optional.ofNullable(logLines.get(instance));
    }

    /** Returns how long after the start of Training the log stream of an instance (1-based) appears. */
    public Optional<Duration> logStreamDelay(int instance) {
        return Optional.ofNullable(logStreamDelays.get(instance));
    }

    @Override
    public String toString() {
        return "JobPlan[starting=" + starting + ", downloading=" + downloading + ", training=" + training
                + ", uploading=" + uploading + ", stopping=" + stopping + ", failurePhase=" + failurePhase
                + ", logLines for instances " + logLines.keySet() + ", delayed streams " + logStreamDelays.keySet() + "]";
    }

    /** Builder of {@link JobPlan}. */
    public static final class Builder {

        private Duration starting = Duration.ofSeconds(60);
        private Duration downloading = Duration.ofSeconds(30);
        private Duration training = Duration.ofSeconds(120);
        private Duration uploading = Duration.ofSeconds(20);
        private Duration stopping = Duration.ofSeconds(10);
        private String failurePhase;
        private String failureReason;
        private List<String> failureLogLines;
        private final Map<Integer, List<String>> logLines = new TreeMap<>();
        private final Map<Integer, Duration> logStreamDelays = new TreeMap<>();

        private Builder() {
        }

        public Builder starting(Duration duration) {
            this.starting = nonNegative("starting", duration);
            return this;
        }

        public Builder downloading(Duration duration) {
            this.downloading = nonNegative("downloading", duration);
            return this;
        }

        public Builder training(Duration duration) {
            this.training = nonNegative("training", duration);
            return this;
        }

        public Builder uploading(Duration duration) {
            this.uploading = nonNegative("uploading", duration);
            return this;
        }

        public Builder stopping(Duration duration) {
            this.stopping = nonNegative("stopping", duration);
            return this;
        }

        /**
         * Makes the job fail at the end of a secondary status (Starting, Downloading, Training or Uploading)
         * with this FailureReason, for example {@code AlgorithmError: ...} or {@code ClientError: ...}.
         */
        public Builder failIn(String secondaryStatus, String failureReason) {
            if (!FAILABLE_PHASES.contains(secondaryStatus)) {
                throw new IllegalArgumentException("secondaryStatus must be one of " + FAILABLE_PHASES + ", got " + secondaryStatus);
            }
            this.failurePhase = secondaryStatus;
            this.failureReason = Objects.requireNonNull(failureReason, "failureReason");
            return this;
        }

        /** Replaces the traceback that instance 1 writes before a failure in Training; an empty list writes none. */
        public Builder failureLogLines(List<String> lines) {
            this.failureLogLines = List.copyOf(lines);
            return this;
        }

        /** Replaces the log of an instance (1-based); the lines are spread evenly over the Training phase. */
        public Builder logLines(int instance, List<String> lines) {
            checkInstance(instance);
            this.logLines.put(instance, List.copyOf(lines));
            return this;
        }

        /** Makes the log stream of an instance (1-based) appear this long after Training starts. */
        public Builder logStreamDelay(int instance, Duration delay) {
            checkInstance(instance);
            if (delay.isNegative()) {
                throw new IllegalArgumentException("logStreamDelay must not be negative, got " + delay);
            }
            this.logStreamDelays.put(instance, delay);
            return this;
        }

        public JobPlan build() {
            return new JobPlan(this);
        }

        /** Rejects negative durations; zero is allowed and skips through the phase at once. */
        private static Duration nonNegative(String name, Duration duration) {
            if (duration.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + duration);
            }
            return duration;
        }

        private static void checkInstance(int instance) {
            if (instance < 1) {
                throw new IllegalArgumentException("instance is 1-based, got " + instance);
            }
        }
    }
}
