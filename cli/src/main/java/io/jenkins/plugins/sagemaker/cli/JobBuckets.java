package io.jenkins.plugins.sagemaker.cli;

import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import java.util.LinkedHashSet;
import java.util.Set;

/** The S3 buckets that a job's output path, checkpoint location and channels name. */
final class JobBuckets {

    private JobBuckets() {
    }

    /** Returns the bucket names in the order the job names them, each once. */
    static Set<String> of(TrainingJobSpec spec) {
        Set<String> buckets = new LinkedHashSet<>();
        bucketOf(spec.getOutputPath(), buckets);
        bucketOf(spec.getCheckpointS3Uri(), buckets);
        for (ChannelSpec channel : spec.getChannels()) {
            bucketOf(channel.getS3Uri(), buckets);
        }
        return buckets;
    }

    private static void bucketOf(String s3Uri, Set<String> buckets) {
        if (s3Uri == null || !s3Uri.startsWith("s3://")) {
            return;
        }
        String rest = s3Uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        if (!bucket.isEmpty()) {
            buckets.add(bucket);
        }
    }

}
