package io.jenkins.plugins.sagemaker.engine.description;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/** Argument names of the job description, the same as those of the pipeline step and the Jenkins form. */
final class Arguments {

    static final List<String> SPEC = List.of(
            "jobName", "baseJobName",
            "algorithm", "trainingImage", "trainingInputMode", "metricDefinitions",
            "roleArn",
            "instanceType", "instanceCount", "volumeSizeInGb", "volumeKmsKeyId",
            "maxRuntime", "maxRuntimeUnit", "useSpotInstances", "maxWait", "maxWaitUnit",
            "checkpointS3Uri", "checkpointLocalPath",
            "subnets", "securityGroupIds", "enableNetworkIsolation", "enableInterContainerTrafficEncryption",
            "environment", "hyperparameters", "channels",
            "outputPath", "outputKmsKeyId",
            "tags");

    static final List<String> CONNECTION = List.of(
            "region", "endpointUrl", "logsEndpointUrl", "s3EndpointUrl", "stsEndpointUrl",
            "assumeRoleArn", "assumeRoleExternalId", "assumeRoleSessionName");

    static final List<String> RUN = List.of("dryRun", "pollIntervalSeconds", "maxPollIntervalSeconds",
            "modelDownloadPath", "downloadOutputData");

    static final List<String> TOP_LEVEL = Stream.of(SPEC, CONNECTION, RUN).flatMap(List::stream).toList();

    /**
     * Arguments of the Jenkins step only, rejected with their own message: Jenkins credentials, and the
     * build result for a job stopped outside the build (the runner exits with code 3 then).
     */
    static final List<String> JENKINS_ONLY = List.of("credentialsId", "resultWhenStopped");

    static final List<String> CHANNEL = List.of("name", "s3Uri", "localPath", "contentType", "compressionType",
            "recordWrapperType", "s3DataType", "s3DataDistributionType", "inputMode");
    static final List<String> NAME_VALUE = List.of("name", "value");
    static final List<String> METRIC_DEFINITION = List.of("name", "regex");
    static final List<String> TAG = List.of("key", "value");

    /** Edits (insert, delete, replace) allowed between an unknown name and a suggestion. */
    private static final int MAX_SUGGESTION_DISTANCE = 3;

    private Arguments() {
    }

    /** Returns the known name closest to {@code unknown}, ignoring case, when it is close enough. */
    static Optional<String> closest(String unknown, List<String> known) {
        String lowerCaseName = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(lowerCaseName, candidate.toLowerCase(Locale.ROOT));
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        int allowed = Math.min(MAX_SUGGESTION_DISTANCE, Math.max(1, lowerCaseName.length() / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** Levenshtein distance between two strings. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
