package io.jenkins.plugins.sagemaker.engine.validation;

import static io.jenkins.plugins.sagemaker.engine.validation.Problems.invalid;
import static io.jenkins.plugins.sagemaker.engine.validation.Problems.missing;
import static io.jenkins.plugins.sagemaker.engine.validation.Problems.other;
import static io.jenkins.plugins.sagemaker.engine.validation.Problems.tooMany;

import io.jenkins.plugins.sagemaker.engine.request.CreateTrainingJobRequests;
import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.MetricDefinition;
import io.jenkins.plugins.sagemaker.engine.spec.NameValue;
import io.jenkins.plugins.sagemaker.engine.spec.TagSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks a {@link TrainingJobSpec} against SageMaker's CreateTrainingJob limits before anything is
 * sent, and reports every problem at once.
 */
public final class SpecValidator {

    public static final int MAX_METRIC_DEFINITIONS = 40;
    public static final int MAX_CHANNELS = 20;
    public static final int MAX_HYPERPARAMETERS = 100;
    public static final int MAX_ENVIRONMENT_VARIABLES = 100;
    public static final int MAX_SUBNETS = 16;
    public static final int MAX_SECURITY_GROUP_IDS = 5;
    /** SageMaker's limit of tags in one CreateTrainingJob request. */
    public static final int MAX_TAGS_PER_JOB = 50;
    /** User tags that fit next to the run-id tag that the engine adds to every job. */
    public static final int MAX_USER_TAGS = MAX_TAGS_PER_JOB - 1;

    private SpecValidator() {
    }

    /** Returns every problem of {@code spec} in field order; an empty list means valid. */
    public static List<ValidationProblem> validate(TrainingJobSpec spec) {
        List<ValidationProblem> problems = new ArrayList<>();
        checkJobName(spec, problems);
        checkAlgorithm(spec, problems);
        Rules.roleArn("roleArn", spec.getRoleArn()).ifPresent(problems::add);
        checkResources(spec, problems);
        checkStoppingCondition(spec, problems);
        checkCheckpoints(spec, problems);
        checkNetwork(spec, problems);
        checkEnvironment(spec, problems);
        checkHyperparameters(spec, problems);
        checkChannels(spec, problems);
        Rules.s3Uri("outputPath", spec.getOutputPath()).ifPresent(problems::add);
        Rules.kmsKeyId("outputKmsKeyId", spec.getOutputKmsKeyId()).ifPresent(problems::add);
        checkTags(spec, problems);
        return problems;
    }

    /**
     * Returns {@code spec} when it is valid.
     *
     * @throws InvalidSpecException listing every problem otherwise
     */
    public static TrainingJobSpec requireValid(TrainingJobSpec spec) {
        List<ValidationProblem> problems = validate(spec);
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return spec;
    }

    private static void checkJobName(TrainingJobSpec spec, List<ValidationProblem> problems) {
        String jobName = spec.getJobName();
        String baseJobName = spec.getBaseJobName();
        if (jobName == null && baseJobName == null) {
            problems.add(missing("jobName",
                    "set jobName, or baseJobName to derive a unique name for each run",
                    "one of jobName and baseJobName"));
            return;
        }
        if (jobName != null && baseJobName != null) {
            problems.add(other("jobName", jobName, "one of jobName and baseJobName",
                    "jobName \"" + Problems.shorten(jobName) + "\" and baseJobName \""
                            + Problems.shorten(baseJobName) + "\" are both set: set only one of them "
                            + "(one of jobName and baseJobName)."));
            return;
        }
        Rules.jobName("jobName", jobName).ifPresent(problems::add);
        Rules.baseJobName("baseJobName", baseJobName).ifPresent(problems::add);
    }

    private static void checkAlgorithm(TrainingJobSpec spec, List<ValidationProblem> problems) {
        String algorithm = spec.getAlgorithm();
        String image = spec.getTrainingImage();
        String limit = "exactly one of algorithm and trainingImage";
        if (algorithm == null && image == null) {
            problems.add(missing("algorithm",
                    "set algorithm to a name or ARN, or trainingImage to an ECR image URI", limit));
        } else if (algorithm != null && image != null) {
            problems.add(other("algorithm", algorithm, limit,
                    "algorithm \"" + Problems.shorten(algorithm) + "\" and trainingImage \""
                            + Problems.shorten(image) + "\" are both set: set only one of them (" + limit + ")."));
        } else {
            Rules.algorithm("algorithm", algorithm).ifPresent(problems::add);
            Rules.trainingImage("trainingImage", image).ifPresent(problems::add);
        }

        List<MetricDefinition> metrics = spec.getMetricDefinitions();
        if (metrics.isEmpty()) {
            return;
        }
        if (image == null) {
            problems.add(other("metricDefinitions", metrics.size() + " entries", "only with trainingImage",
                    "metricDefinitions is set but trainingImage is not: remove metricDefinitions, because an "
                            + "algorithm defines its own metrics (only with trainingImage)."));
        }
        if (metrics.size() > MAX_METRIC_DEFINITIONS) {
            problems.add(tooMany("metricDefinitions", metrics.size(),
                    "remove some", "at most " + MAX_METRIC_DEFINITIONS));
        }
        for (int i = 0; i < metrics.size(); i++) {
            String field = "metricDefinitions[" + i + "]";
            Rules.metricName(field + ".name", metrics.get(i).getName()).ifPresent(problems::add);
            Rules.metricRegex(field + ".regex", metrics.get(i).getRegex()).ifPresent(problems::add);
        }
    }

    private static void checkResources(TrainingJobSpec spec, List<ValidationProblem> problems) {
        Rules.instanceType("instanceType", spec.getInstanceType()).ifPresent(problems::add);
        Rules.instanceCount("instanceCount", spec.getInstanceCount()).ifPresent(problems::add);
        Rules.volumeSizeInGb("volumeSizeInGb", spec.getVolumeSizeInGb()).ifPresent(problems::add);
        Rules.kmsKeyId("volumeKmsKeyId", spec.getVolumeKmsKeyId()).ifPresent(problems::add);
    }

    private static void checkStoppingCondition(TrainingJobSpec spec, List<ValidationProblem> problems) {
        Optional<ValidationProblem> runtimeProblem = Rules.maxRuntime("maxRuntime", spec.getMaxRuntime());
        runtimeProblem.ifPresent(problems::add);

        if (spec.getMaxWait() == null) {
            if (spec.isUseSpotInstances()) {
                problems.add(missing("maxWait",
                        "set maxWait to at least maxRuntime (" + spec.getMaxRuntime() + "), because managed spot "
                                + "training needs a limit for waiting plus training",
                        "maxRuntime to 28 days"));
            }
            return;
        }
        if (!spec.isUseSpotInstances()) {
            problems.add(other("maxWait", spec.getMaxWait().toString(), "only with useSpotInstances",
                    "maxWait " + spec.getMaxWait() + " is set but useSpotInstances is false: enable "
                            + "useSpotInstances or remove maxWait (only with useSpotInstances)."));
            return;
        }
        // Comparing against an invalid maxRuntime would report one fault twice.
        Rules.maxWait("maxWait", spec.getMaxWait(), runtimeProblem.isPresent() ? null : spec.getMaxRuntime())
                .ifPresent(problems::add);
    }

    private static void checkCheckpoints(TrainingJobSpec spec, List<ValidationProblem> problems) {
        if (spec.getCheckpointS3Uri() != null) {
            Rules.s3Uri("checkpointS3Uri", spec.getCheckpointS3Uri()).ifPresent(problems::add);
        }
        String localPath = spec.getCheckpointLocalPath();
        if (localPath == null) {
            return;
        }
        if (spec.getCheckpointS3Uri() == null) {
            problems.add(other("checkpointLocalPath", localPath, "only with checkpointS3Uri",
                    "checkpointLocalPath \"" + Problems.shorten(localPath) + "\" is set but checkpointS3Uri is "
                            + "not: set checkpointS3Uri or remove checkpointLocalPath (only with checkpointS3Uri)."));
        } else {
            Rules.checkpointLocalPath("checkpointLocalPath", localPath).ifPresent(problems::add);
        }
    }

    private static void checkNetwork(TrainingJobSpec spec, List<ValidationProblem> problems) {
        List<String> subnets = spec.getSubnets();
        List<String> groups = spec.getSecurityGroupIds();
        if (subnets.isEmpty() && groups.isEmpty()) {
            return;
        }
        if (subnets.isEmpty()) {
            problems.add(missing("subnets",
                    "set 1 to " + MAX_SUBNETS + " subnet ids, because securityGroupIds is set and a VPC "
                            + "configuration needs both",
                    "both subnets and securityGroupIds, or neither"));
        } else if (subnets.size() > MAX_SUBNETS) {
            problems.add(tooMany("subnets", subnets.size(), "remove some", "1 to " + MAX_SUBNETS));
        }
        if (groups.isEmpty()) {
            problems.add(missing("securityGroupIds",
                    "set 1 to " + MAX_SECURITY_GROUP_IDS + " security group ids, because subnets is set and a "
                            + "VPC configuration needs both",
                    "both subnets and securityGroupIds, or neither"));
        } else if (groups.size() > MAX_SECURITY_GROUP_IDS) {
            problems.add(tooMany("securityGroupIds", groups.size(), "remove some", "1 to " + MAX_SECURITY_GROUP_IDS));
        }
        for (int i = 0; i < subnets.size(); i++) {
            Rules.vpcId("subnets[" + i + "]", subnets.get(i), "subnet-0abc1234").ifPresent(problems::add);
        }
        for (int i = 0; i < groups.size(); i++) {
            Rules.vpcId("securityGroupIds[" + i + "]", groups.get(i), "sg-0abc1234").ifPresent(problems::add);
        }
    }

    private static void checkEnvironment(TrainingJobSpec spec, List<ValidationProblem> problems) {
        List<NameValue> environment = spec.getEnvironment();
        if (environment.size() > MAX_ENVIRONMENT_VARIABLES) {
            problems.add(tooMany("environment", environment.size(), "remove some",
                    "at most " + MAX_ENVIRONMENT_VARIABLES));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < environment.size(); i++) {
            NameValue variable = environment.get(i);
            Optional<ValidationProblem> nameProblem = Rules.environmentName("environment[" + i + "].name",
                    variable.getName());
            nameProblem.ifPresent(problems::add);
            checkDuplicate("environment", i, variable.getName(), firstIndex, "name").ifPresent(problems::add);
            String valueField = "environment[" + (nameProblem.isPresent() ? i : variable.getName()) + "].value";
            Rules.environmentValue(valueField, variable.getValue()).ifPresent(problems::add);
        }
    }

    private static void checkHyperparameters(TrainingJobSpec spec, List<ValidationProblem> problems) {
        List<NameValue> hyperparameters = spec.getHyperparameters();
        if (hyperparameters.size() > MAX_HYPERPARAMETERS) {
            problems.add(tooMany("hyperparameters", hyperparameters.size(), "remove some",
                    "at most " + MAX_HYPERPARAMETERS));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < hyperparameters.size(); i++) {
            NameValue hyperparameter = hyperparameters.get(i);
            Optional<ValidationProblem> nameProblem = Rules.hyperparameterName("hyperparameters[" + i + "].name",
                    hyperparameter.getName());
            nameProblem.ifPresent(problems::add);
            checkDuplicate("hyperparameters", i, hyperparameter.getName(), firstIndex, "name")
                    .ifPresent(problems::add);
            String valueField = "hyperparameters[" + (nameProblem.isPresent() ? i : hyperparameter.getName())
                    + "].value";
            Rules.hyperparameterValue(valueField, hyperparameter.getValue()).ifPresent(problems::add);
        }
    }

    private static void checkChannels(TrainingJobSpec spec, List<ValidationProblem> problems) {
        List<ChannelSpec> channels = spec.getChannels();
        if (channels.isEmpty()) {
            problems.add(missing("channels", "add at least one input channel, such as train with an S3 URI",
                    "1 to " + MAX_CHANNELS + " channels"));
        } else if (channels.size() > MAX_CHANNELS) {
            problems.add(tooMany("channels", channels.size(), "remove some or combine their data",
                    "1 to " + MAX_CHANNELS + " channels"));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < channels.size(); i++) {
            ChannelSpec channel = channels.get(i);
            String field = "channels[" + i + "]";
            Rules.channelName(field + ".name", channel.getName()).ifPresent(problems::add);
            checkDuplicate("channels", i, channel.getName(), firstIndex, "name").ifPresent(problems::add);
            if (channel.isFromWorkspace()) {
                // The upload's destination prefix: optional, derived from outputPath when absent.
                if (channel.getS3Uri() != null) {
                    Rules.s3Uri(field + ".s3Uri", channel.getS3Uri()).ifPresent(problems::add);
                }
                Rules.localPath(field + ".localPath", channel.getLocalPath()).ifPresent(problems::add);
            } else {
                Rules.s3Uri(field + ".s3Uri", channel.getS3Uri()).ifPresent(problems::add);
            }
            Rules.contentType(field + ".contentType", channel.getContentType()).ifPresent(problems::add);
        }
    }

    private static void checkTags(TrainingJobSpec spec, List<ValidationProblem> problems) {
        List<TagSpec> tags = spec.getTags();
        if (tags.size() > MAX_USER_TAGS) {
            problems.add(tooMany("tags", tags.size(),
                    "use at most " + MAX_USER_TAGS + ", because SageMaker accepts " + MAX_TAGS_PER_JOB
                            + " tags per job and the engine adds " + CreateTrainingJobRequests.RUN_ID_TAG_KEY,
                    "at most " + MAX_USER_TAGS + " user tags"));
        }
        Map<String, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < tags.size(); i++) {
            TagSpec tag = tags.get(i);
            String keyField = "tags[" + i + "].key";
            Optional<ValidationProblem> keyProblem = Rules.tagKey(keyField, tag.getKey());
            keyProblem.ifPresent(problems::add);
            checkDuplicate("tags", i, tag.getKey(), firstIndex, "key").ifPresent(problems::add);
            String valueField = "tags[" + (keyProblem.isPresent() ? i : tag.getKey()) + "].value";
            Rules.tagValue(valueField, tag.getValue()).ifPresent(problems::add);
        }
    }

    /** Records the first index of {@code name} and reports a later repeat of it. */
    private static Optional<ValidationProblem> checkDuplicate(String list, int index, String name,
            Map<String, Integer> firstIndex, String term) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        Integer first = firstIndex.putIfAbsent(name, index);
        if (first == null) {
            return Optional.empty();
        }
        return Optional.of(invalid(list + "[" + index + "]." + term, name,
                "rename or remove it, because " + list + "[" + first + "] has the same " + term,
                term + "s unique"));
    }
}
