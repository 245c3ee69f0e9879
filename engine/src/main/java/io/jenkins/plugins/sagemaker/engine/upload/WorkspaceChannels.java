package io.jenkins.plugins.sagemaker.engine.upload;

import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Channels whose data comes from the workspace: where their files go in S3, and the specification
 * that SageMaker reads once they are there.
 */
public final class WorkspaceChannels {

    private WorkspaceChannels() {
    }

    /** Returns whether any channel of {@code spec} reads a workspace path. */
    public static boolean any(TrainingJobSpec spec) {
        return spec.getChannels().stream().anyMatch(ChannelSpec::isFromWorkspace);
    }

    /**
     * Returns the prefix that a workspace channel's files go to: the channel's {@code s3Uri} when set,
     * else {@code <outputPath>/<job name>/input/<channel name>/}.
     */
    public static S3Prefix destination(TrainingJobSpec spec, ChannelSpec channel, String jobName) {
        if (channel.getS3Uri() != null) {
            return S3Prefix.parse(channel.getS3Uri());
        }
        return S3Prefix.channelDefault(spec.getOutputPath(), jobName, channel.getName());
    }

    /**
     * Returns {@code spec} with every workspace channel turned into an S3 channel that reads its
     * destination prefix, as the CreateTrainingJob request needs it. The files must be uploaded there
     * first; a dry run uses this to print the request without uploading.
     */
    public static TrainingJobSpec resolve(TrainingJobSpec spec, String jobName) {
        if (!any(spec)) {
            return spec;
        }
        List<ChannelSpec> channels = new ArrayList<>();
        for (ChannelSpec channel : spec.getChannels()) {
            if (channel.isFromWorkspace()) {
                channels.add(channel.toBuilder()
                        .s3Uri(destination(spec, channel, jobName).uri())
                        .localPath(null)
                        .build());
            } else {
                channels.add(channel);
            }
        }
        return spec.toBuilder().channels(channels).build();
    }
}
