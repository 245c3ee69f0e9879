package io.jenkins.plugins.sagemaker.engine.logs;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Names of the log group and streams that SageMaker writes a training job's output to. */
final class StreamNames {

    /** Log group of all SageMaker training jobs of an account and region. */
    static final String LOG_GROUP = "/aws/sagemaker/TrainingJobs";

    /** Host and start time in epoch seconds, as in {@code algo-2-1700000000}. */
    private static final Pattern HOST_AND_EPOCH = Pattern.compile("(.+)-\\d{6,}");

    private StreamNames() {}

    /** Returns the prefix shared by all streams of the job: its name and a slash. */
    static String prefix(String jobName) {
        return jobName + "/";
    }

    /**
     * Returns the host of a stream, {@code algo-2} for {@code <job>/algo-2-1700000000}, or the part
     * after the job's prefix unchanged when it has no epoch suffix.
     */
    static String host(String jobName, String streamName) {
        String prefix = prefix(jobName);
        String rest = streamName.startsWith(prefix) ? streamName.substring(prefix.length()) : streamName;
        Matcher matcher = HOST_AND_EPOCH.matcher(rest);
        return matcher.matches() ? matcher.group(1) : rest;
    }
}
