package io.jenkins.plugins.sagemaker.emulator.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sagemaker.emulator.EmulatorClock;
import io.jenkins.plugins.sagemaker.emulator.JobPlan;
import io.jenkins.plugins.sagemaker.emulator.logs.LogStream;
import io.jenkins.plugins.sagemaker.emulator.protocol.ApiException;
import io.jenkins.plugins.sagemaker.emulator.protocol.Json;
import io.jenkins.plugins.sagemaker.emulator.protocol.PageTokens;
import io.jenkins.plugins.sagemaker.emulator.s3.ObjectStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The training job operations: CreateTrainingJob, DescribeTrainingJob, StopTrainingJob, ListTrainingJobs
 * and ListTags. All job state is guarded by this object's monitor.
 */
public final class TrainingJobService {

    private static final Logger LOGGER = Logger.getLogger(TrainingJobService.class.getName());

    /** Members of the CreateTrainingJob request that DescribeTrainingJob returns unchanged. */
    private static final List<String> ECHOED_MEMBERS = List.of(
            "AlgorithmSpecification", "RoleArn", "InputDataConfig", "OutputDataConfig", "ResourceConfig", "VpcConfig",
            "StoppingCondition", "CheckpointConfig", "Environment", "RetryStrategy", "DebugHookConfig",
            "DebugRuleConfigurations", "TensorBoardOutputConfig", "ExperimentConfig", "ProfilerConfig",
            "RemoteDebugConfig", "InfraCheckConfig");
    private static final List<String> TRAINING_JOB_STATUSES = List.of("InProgress", "Completed", "Failed", "Stopping", "Stopped");
    private static final int DEFAULT_MAX_RESULTS = 10;
    private static final int MAX_RESULTS_LIMIT = 100;

    /** A log stream with the cut-off time up to which its events exist. */
    public record StreamView(LogStream stream, long cutoffMillis) {
    }

    private final String region;
    private final String accountId;
    private final EmulatorClock clock;
    private final ObjectStore objectStore;
    private final AlgorithmRegistry algorithms;
    private final Function<String, JobPlan> planForJob;
    private final Map<String, TrainingJob> jobsByLowerCaseName = new LinkedHashMap<>();

    public TrainingJobService(String region, String accountId, EmulatorClock clock, ObjectStore objectStore,
            AlgorithmRegistry algorithms, Function<String, JobPlan> planForJob) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
        this.objectStore = objectStore;
        this.algorithms = algorithms;
        this.planForJob = planForJob;
    }

    /** Moves every job to the current clock time, with the side effects of each phase end. */
    public synchronized void advanceAll() {
        Instant now = clock.now();
        for (TrainingJob job : jobsByLowerCaseName.values()) {
            try {
                job.advanceTo(now);
            } catch (RuntimeException e) {
                // One broken job (for example S3Proxy not answering) must not stop the others from advancing.
                LOGGER.log(Level.WARNING, "Advancing training job " + job.name() + " failed", e);
            }
        }
    }

    public synchronized ObjectNode createTrainingJob(JsonNode request) {
        String name = CreateTrainingJobValidator.jobName(request);
        List<MetricDefinition> metricDefinitions = CreateTrainingJobValidator.algorithmSpecification(request);
        String roleArn = CreateTrainingJobValidator.roleArn(request);
        List<TrainingJob.InputChannel> channels = CreateTrainingJobValidator.inputDataConfig(request);
        String outputPath = CreateTrainingJobValidator.outputPath(request);
        int instanceCount = CreateTrainingJobValidator.resourceConfig(request);
        CreateTrainingJobValidator.vpcConfig(request);
        boolean managedSpot = CreateTrainingJobValidator.flag(request, "EnableManagedSpotTraining", "enableManagedSpotTraining");
        boolean networkIsolation = CreateTrainingJobValidator.flag(request, "EnableNetworkIsolation", "enableNetworkIsolation");
        boolean trafficEncryption = CreateTrainingJobValidator.flag(request, "EnableInterContainerTrafficEncryption",
                "enableInterContainerTrafficEncryption");
        long maxRuntime = CreateTrainingJobValidator.stoppingCondition(request, managedSpot);
        Map<String, String> hyperParameters = CreateTrainingJobValidator.hyperParameters(request);
        CreateTrainingJobValidator.environment(request);
        Map<String, String> tags = CreateTrainingJobValidator.tags(request);
        CreateTrainingJobValidator.checkpointConfig(request);

        String algorithmName = request.path("AlgorithmSpecification").path("AlgorithmName").asText(null);
        if (algorithmName != null) {
            AlgorithmRegistry.RegisteredAlgorithm algorithm = algorithms.find(algorithmName)
                    .orElseThrow(() -> ApiException.validation("Algorithm " + algorithms.arnFor(algorithmName) + " does not exist."));
            AlgorithmJobValidator validator = new AlgorithmJobValidator(algorithm);
            validator.checkNetworkIsolation(networkIsolation);
            validator.checkResources(CreateTrainingJobValidator.instanceType(request), instanceCount);
            validator.checkChannels(request);
            hyperParameters = validator.checkHyperParameters(hyperParameters);
            metricDefinitions = validator.metricDefinitions();
        }

        String arn = "arn:aws:sagemaker:" + region + ":" + accountId + ":training-job/" + name.toLowerCase(Locale.ROOT);
        TrainingJob existing = jobsByLowerCaseName.get(name.toLowerCase(Locale.ROOT));
        if (existing != null) {
            throw new ApiException(400, "ResourceInUse", "Training job names must be unique within an AWS account and region,"
                    + " and a training job with this name already exists (" + existing.arn() + ")");
        }

        ObjectNode echo = Json.object();
        for (String member : ECHOED_MEMBERS) {
            if (request.hasNonNull(member)) {
                echo.set(member, request.get(member).deepCopy());
            }
        }
        ObjectNode hyperParametersJson = echo.putObject("HyperParameters");
        hyperParameters.forEach(hyperParametersJson::put);
        echo.put("EnableNetworkIsolation", networkIsolation);
        echo.put("EnableInterContainerTrafficEncryption", trafficEncryption);
        echo.put("EnableManagedSpotTraining", managedSpot);

        JobPlan plan = planForJob.apply(name);
        TrainingJob.Definition definition = new TrainingJob.Definition(name, arn, roleArn, echo, tags, plan, instanceCount,
                maxRuntime, managedSpot, metricDefinitions, channels, outputPath);
        TrainingJob job = new TrainingJob(definition, clock.now(), region, objectStore);
        jobsByLowerCaseName.put(name.toLowerCase(Locale.ROOT), job);
        LOGGER.log(Level.FINE, "Created training job {0} with {1}", new Object[] {name, plan});

        ObjectNode response = Json.object();
        response.put("TrainingJobArn", arn);
        return response;
    }

    public synchronized ObjectNode describeTrainingJob(JsonNode request) {
        TrainingJob job = requireJob(request);
        Instant now = clock.now();
        job.advanceTo(now);
        return job.describe(now);
    }

    public synchronized ObjectNode stopTrainingJob(JsonNode request) {
        TrainingJob job = requireJob(request);
        Instant now = clock.now();
        job.advanceTo(now);
        job.stop(now);
        return Json.object();
    }

    /** Handles ListTrainingJobs: filters, SortBy Name, CreationTime or Status, SortOrder and paging. */
    public ObjectNode listTrainingJobs(JsonNode request) {
        String nameContains = Json.text(request, "NameContains", "nameContains");
        String statusEquals = Json.text(request, "StatusEquals", "statusEquals");
        if (statusEquals != null) {
            CreateTrainingJobValidator.checkEnum(statusEquals, "statusEquals", TRAINING_JOB_STATUSES);
        }
        Instant createdAfter = Json.timestamp(request, "CreationTimeAfter", "creationTimeAfter");
        Instant createdBefore = Json.timestamp(request, "CreationTimeBefore", "creationTimeBefore");
        Instant modifiedAfter = Json.timestamp(request, "LastModifiedTimeAfter", "lastModifiedTimeAfter");
        Instant modifiedBefore = Json.timestamp(request, "LastModifiedTimeBefore", "lastModifiedTimeBefore");
        String sortBy = Json.text(request, "SortBy", "sortBy");
        boolean descending = ListRequests.descending(Json.text(request, "SortOrder", "sortOrder"));
        int maxResults = ListRequests.maxResults(request, DEFAULT_MAX_RESULTS, MAX_RESULTS_LIMIT);
        int offset = PageTokens.decode(Json.text(request, "NextToken", "nextToken"), "ValidationException", "NextToken");

        Comparator<TrainingJob> order;
        if (sortBy == null || sortBy.equals("CreationTime")) {
            order = Comparator.comparing(TrainingJob::creationTime);
        } else if (sortBy.equals("Name")) {
            order = Comparator.comparing(TrainingJob::name);
        } else if (sortBy.equals("Status")) {
            order = Comparator.comparing(TrainingJob::trainingJobStatus);
        } else {
            throw ApiException.constraint(sortBy, "sortBy", "Member must satisfy enum value set: [Name, CreationTime, Status]");
        }
        order = order.thenComparing(TrainingJob::name);
        if (descending) {
            order = order.reversed();
        }

        List<ObjectNode> page = new ArrayList<>();
        int matchingCount;
        synchronized (this) {
            Instant now = clock.now();
            List<TrainingJob> matching = new ArrayList<>();
            for (TrainingJob job : jobsByLowerCaseName.values()) {
                job.advanceTo(now);
                boolean matches = (nameContains == null || job.name().toLowerCase(Locale.ROOT).contains(nameContains.toLowerCase(Locale.ROOT)))
                        && (statusEquals == null || statusEquals.equals(job.trainingJobStatus()))
                        && (createdAfter == null || job.creationTime().isAfter(createdAfter))
                        && (createdBefore == null || job.creationTime().isBefore(createdBefore))
                        && (modifiedAfter == null || job.lastModifiedTime().isAfter(modifiedAfter))
                        && (modifiedBefore == null || job.lastModifiedTime().isBefore(modifiedBefore));
                if (matches) {
                    matching.add(job);
                }
            }
            matching.sort(order);
            matchingCount = matching.size();
            for (int i = offset; i < Math.min(matchingCount, offset + maxResults); i++) {
                page.add(matching.get(i).summary());
            }
        }

        ObjectNode response = Json.object();
        ArrayNode summaries = response.putArray("TrainingJobSummaries");
        page.forEach(summaries::add);
        if (offset + maxResults < matchingCount) {
            response.put("NextToken", PageTokens.encode(offset + maxResults));
        }
        return response;
    }

    /** Handles ListTags for training job ARNs; algorithms carry no tags in the emulator. */
    public synchronized ObjectNode listTags(JsonNode request) {
        String resourceArn = CreateTrainingJobValidator.requiredText(request, "ResourceArn", "resourceArn");
        int maxResults = ListRequests.maxResults(request, 50, 50);
        int offset = PageTokens.decode(Json.text(request, "NextToken", "nextToken"), "ValidationException", "NextToken");

        List<Map.Entry<String, String>> tags;
        TrainingJob job = findByArn(resourceArn);
        if (job != null) {
            tags = new ArrayList<>(job.tags().entrySet());
        } else if (algorithms.find(resourceArn).isPresent()) {
            tags = List.of();
        } else {
            throw ApiException.validation("Requested resource not found.");
        }

        ObjectNode response = Json.object();
        ArrayNode tagsJson = response.putArray("Tags");
        int end = Math.min(tags.size(), offset + maxResults);
        for (int i = offset; i < end; i++) {
            ObjectNode tag = tagsJson.addObject();
            tag.put("Key", tags.get(i).getKey());
            tag.put("Value", tags.get(i).getValue());
        }
        if (end < tags.size()) {
            response.put("NextToken", PageTokens.encode(end));
        }
        return response;
    }

    /** Returns the log streams of all jobs that exist at the current clock time, each with its event cut-off. */
    public synchronized List<StreamView> visibleLogStreams() {
        Instant now = clock.now();
        List<StreamView> views = new ArrayList<>();
        for (TrainingJob job : jobsByLowerCaseName.values()) {
            job.advanceTo(now);
            long cutoff = job.logCutoffMillis(now);
            for (LogStream stream : job.logStreams()) {
                if (stream.existsAt(cutoff)) {
                    views.add(new StreamView(stream, cutoff));
                }
            }
        }
        return views;
    }

    private TrainingJob requireJob(JsonNode request) {
        String name = CreateTrainingJobValidator.requiredText(request, "TrainingJobName", "trainingJobName");
        TrainingJob job = jobsByLowerCaseName.get(name.toLowerCase(Locale.ROOT));
        if (job == null) {
            throw ApiException.validation("Requested resource not found.");
        }
        return job;
    }

    private TrainingJob findByArn(String arn) {
        for (TrainingJob job : jobsByLowerCaseName.values()) {
            if (job.arn().equalsIgnoreCase(arn)) {
                return job;
            }
        }
        return null;
    }
}
