package io.jenkins.plugins.sagemaker.engine.run;

import java.io.Serializable;

/**
 * A training job that this run created or adopted.
 *
 * @param jobName training job name
 * @param jobArn training job ARN
 * @param runId the run id tagged on the job
 * @param adopted {@code true} when the job already existed with this run's id, after a lost
 *     response or a resumed submission
 * @param consoleUrl link to the job in the AWS console
 */
public record SubmittedJob(String jobName, String jobArn, String runId, boolean adopted, String consoleUrl)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Returns the AWS console link for a training job in {@code region}. */
    public static String consoleUrl(String region, String jobName) {
        return "https://" + region + ".console.aws.amazon.com/sagemaker/home?region=" + region + "#/jobs/" + jobName;
    }
}
