package io.jenkins.plugins.sagemaker.emulator;

import io.jenkins.plugins.sagemaker.emulator.logs.LogsService;
import io.jenkins.plugins.sagemaker.emulator.protocol.Operation;
import io.jenkins.plugins.sagemaker.emulator.s3.ObjectStore;
import io.jenkins.plugins.sagemaker.emulator.sagemaker.AlgorithmRegistry;
import io.jenkins.plugins.sagemaker.emulator.sagemaker.TrainingJobService;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A local stand-in for Amazon SageMaker training jobs, CloudWatch Logs and S3. SageMaker and CloudWatch
 * Logs share one AWS JSON 1.1 endpoint, and S3 is an embedded S3Proxy on a second port. Jobs move through
 * their states on the emulator clock.
 *
 * <pre>{@code
 * try (SageMakerEmulator emulator = SageMakerEmulator.start()) {
 *     SageMakerClient sageMaker = SageMakerClient.builder().endpointOverride(emulator.endpoint())...;
 *     emulator.manualClock().advance(Duration.ofMinutes(5));
 * }
 * }</pre>
 */
public final class SageMakerEmulator implements AutoCloseable {

    /** Access key id that the embedded S3Proxy accepts; the example key of the AWS documentation. */
    public static final String ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE";
    /** Secret access key that the embedded S3Proxy accepts; the example key of the AWS documentation. */
    public static final String SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";

    private static final Logger LOGGER = Logger.getLogger(SageMakerEmulator.class.getName());

    /** How often an emulator on a clock other than {@link ManualClock} moves jobs forward, in wall-clock milliseconds. */
    private static final long TICK_MILLIS = 200;

    private final EmulatorConfig config;
    private final ObjectStore objectStore;
    private final AlgorithmRegistry algorithms;
    private final TrainingJobService trainingJobs;
    private final Faults faults = new Faults();
    private final Map<String, JobPlan> plansByPrefix = new ConcurrentHashMap<>();
    private final ApiServer server;
    private final Runnable clockListener;
    private final ScheduledExecutorService ticker;
    private final AtomicBoolean closed = new AtomicBoolean();

    private SageMakerEmulator(EmulatorConfig config) {
        this.config = config;
        this.objectStore = ObjectStore.start(config.host(), config.s3Port(), config.region(), ACCESS_KEY_ID, SECRET_ACCESS_KEY);
        try {
            this.algorithms = new AlgorithmRegistry(config.region(), config.accountId(), config.clock());
            this.algorithms.register(AlgorithmDefinition.defaultAlgorithm());
            this.trainingJobs = new TrainingJobService(config.region(), config.accountId(), config.clock(), objectStore, algorithms,
                    this::planFor);
            LogsService logs = new LogsService(config.region(), config.accountId(), trainingJobs);

            Map<String, Operation> sageMaker = Map.of(
                    "CreateTrainingJob", trainingJobs::createTrainingJob,
                    "DescribeTrainingJob", trainingJobs::describeTrainingJob,
                    "StopTrainingJob", trainingJobs::stopTrainingJob,
                    "ListTrainingJobs", trainingJobs::listTrainingJobs,
                    "ListTags", trainingJobs::listTags,
                    "DescribeAlgorithm", algorithms::describeAlgorithm,
                    "ListAlgorithms", algorithms::listAlgorithms);
            Map<String, Operation> cloudWatchLogs = Map.of(
                    "DescribeLogStreams", logs::describeLogStreams,
                    "GetLogEvents", logs::getLogEvents,
                    "FilterLogEvents", logs::filterLogEvents);
            this.server = ApiServer.start(config.host(), config.port(),
                    Map.of("SageMaker", sageMaker, "Logs_20140328", cloudWatchLogs), faults, trainingJobs::advanceAll);
        } catch (RuntimeException e) {
            objectStore.close();
            throw e;
        }

        if (config.clock() instanceof ManualClock manual) {
            this.clockListener = trainingJobs::advanceAll;
            manual.addListener(clockListener);
            this.ticker = null;
        } else {
            this.clockListener = null;
            this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "sagemaker-emulator-clock");
                thread.setDaemon(true);
                return thread;
            });
            this.ticker.scheduleWithFixedDelay(trainingJobs::advanceAll, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
        LOGGER.log(Level.FINE, "SageMaker emulator started: endpoint {0}, S3 endpoint {1}, clock {2}",
                new Object[] {server.endpoint(), objectStore.endpoint(), config.clock()});
    }

    /** Starts an emulator on 127.0.0.1 with free ports, region us-east-2 and a manual clock at the current second. */
    public static SageMakerEmulator start() {
        return start(EmulatorConfig.defaults());
    }

    public static SageMakerEmulator start(EmulatorConfig config) {
        return new SageMakerEmulator(Objects.requireNonNull(config, "config"));
    }

    /** Returns the SageMaker and CloudWatch Logs endpoint, http://host:port. */
    public URI endpoint() {
        return server.endpoint();
    }

    /** Returns the S3 endpoint (path-style addressing), http://host:port. */
    public URI s3Endpoint() {
        return objectStore.endpoint();
    }

    public String region() {
        return config.region();
    }

    public String accountId() {
        return config.accountId();
    }

    /** Returns the static access key id that the emulator's S3 accepts. */
    public String accessKeyId() {
        return ACCESS_KEY_ID;
    }

    /** Returns the static secret access key that the emulator's S3 accepts. */
    public String secretAccessKey() {
        return SECRET_ACCESS_KEY;
    }

    public EmulatorClock clock() {
        return config.clock();
    }

    /** Returns the clock as a {@link ManualClock}; fails when the emulator was started with another clock. */
    public ManualClock manualClock() {
        if (config.clock() instanceof ManualClock manual) {
            return manual;
        }
        throw new IllegalStateException("The emulator runs on " + config.clock() + ", not on a manual clock;"
                + " start it with EmulatorConfig.builder().clock(EmulatorClock.manual(...))");
    }

    public Faults faults() {
        return faults;
    }

    /**
     * Sets the plan for jobs created from now on whose name starts with the prefix. The longest matching
     * prefix wins, and the prefix "" matches every job. Jobs without a matching plan use {@link JobPlan#defaults()}.
     */
    public void planJobs(String jobNamePrefix, JobPlan plan) {
        plansByPrefix.put(Objects.requireNonNull(jobNamePrefix, "jobNamePrefix"), Objects.requireNonNull(plan, "plan"));
    }

    /** Registers an algorithm for DescribeAlgorithm, ListAlgorithms and algorithm training jobs. */
    public void registerAlgorithm(AlgorithmDefinition algorithm) {
        algorithms.register(Objects.requireNonNull(algorithm, "algorithm"));
    }

    public void createBucket(String bucket) {
        objectStore.createBucket(bucket);
    }

    public void putObject(String bucket, String key, byte[] content) {
        objectStore.putObject(bucket, key, content);
    }

    /** Returns an object's content, or empty when the bucket or key does not exist. */
    public Optional<byte[]> getObject(String bucket, String key) {
        trainingJobs.advanceAll();
        return objectStore.getObject(bucket, key);
    }

    /** Returns how many calls of an operation arrived, for example "StopTrainingJob" or "GetLogEvents", faulted ones included. */
    public int callCount(String operation) {
        return server.callCount(operation);
    }

    /** Returns the operation names of all calls in arrival order. */
    public List<String> calls() {
        return server.calls();
    }

    /** Stops both servers; calling it again does nothing. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (clockListener != null) {
            manualClock().removeListener(clockListener);
        }
        if (ticker != null) {
            ticker.shutdownNow();
        }
        URI endpoint = server.endpoint();
        try {
            server.close();
        } finally {
            objectStore.close();
        }
        LOGGER.log(Level.FINE, "SageMaker emulator at {0} stopped", endpoint);
    }

    private JobPlan planFor(String jobName) {
        String bestPrefix = null;
        for (String prefix : plansByPrefix.keySet()) {
            if (jobName.startsWith(prefix) && (bestPrefix == null || prefix.length() > bestPrefix.length())) {
                bestPrefix = prefix;
            }
        }
        return bestPrefix == null ? JobPlan.defaults() : plansByPrefix.get(bestPrefix);
    }
}
