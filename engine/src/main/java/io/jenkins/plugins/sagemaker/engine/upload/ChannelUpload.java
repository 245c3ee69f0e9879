package io.jenkins.plugins.sagemaker.engine.upload;

/**
 * A channel whose data comes from the workspace.
 *
 * @param channelName the channel name, such as {@code train}, for console lines
 * @param localPath a file or folder relative to the workspace
 * @param destination the S3 prefix that receives the files and becomes the channel's S3Uri
 */
public record ChannelUpload(String channelName, String localPath, S3Prefix destination) {
}
