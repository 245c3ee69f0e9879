/**
 * Live relay of a training job's CloudWatch log streams to the build console, and the table of its
 * final metrics.
 *
 * <p>{@link io.jenkins.plugins.sagemaker.engine.logs.LogRelay} is polled by the job follower on each
 * of its ticks and returns a new {@link io.jenkins.plugins.sagemaker.engine.logs.LogPosition}, a
 * small serializable value that a resumed pipeline step passes back to continue without a gap or a
 * repeated line. {@link io.jenkins.plugins.sagemaker.engine.logs.MetricsTable} formats
 * {@code FinalMetricDataList} of DescribeTrainingJob.
 */
package io.jenkins.plugins.sagemaker.engine.logs;
