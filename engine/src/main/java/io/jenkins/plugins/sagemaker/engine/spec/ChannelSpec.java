package io.jenkins.plugins.sagemaker.engine.spec;

import java.io.Serializable;
import java.util.Objects;

/**
 * One input channel of a training job: a name that the algorithm reads, such as {@code train}, and
 * the S3 data behind it. The builder trims surrounding whitespace and turns blank strings into null.
 */
public final class ChannelSpec implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String s3Uri;
    private final String localPath;
    private final String contentType;
    private final CompressionType compressionType;
    private final RecordWrapperType recordWrapperType;
    private final S3DataType s3DataType;
    private final S3DataDistributionType s3DataDistributionType;
    private final TrainingInputMode inputMode;

    private ChannelSpec(Builder builder) {
        this.name = builder.name;
        this.s3Uri = builder.s3Uri;
        this.localPath = builder.localPath;
        this.contentType = builder.contentType;
        this.compressionType = builder.compressionType;
        this.recordWrapperType = builder.recordWrapperType;
        this.s3DataType = builder.s3DataType;
        this.s3DataDistributionType = builder.s3DataDistributionType;
        this.inputMode = builder.inputMode;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Returns a channel with only a name and an S3 URI, all else at its default. */
    public static ChannelSpec of(String name, String s3Uri) {
        return builder().name(name).s3Uri(s3Uri).build();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    public String getName() {
        return name;
    }

    public String getS3Uri() {
        return s3Uri;
    }

    /** Returns the MIME type of the input data, or null when not set. */
    /**
     * Returns the workspace file or folder, relative to the workspace, whose files are uploaded as
     * this channel's data, or null for a channel that reads S3 only. With a local path,
     * {@link #getS3Uri()} is the destination prefix of the upload, or null for the default one.
     */
    public String getLocalPath() {
        return localPath;
    }

    /** Returns whether the channel's data comes from the workspace and is uploaded before the job starts. */
    public boolean isFromWorkspace() {
        return localPath != null;
    }

    public String getContentType() {
        return contentType;
    }

    public CompressionType getCompressionType() {
        return compressionType;
    }

    public RecordWrapperType getRecordWrapperType() {
        return recordWrapperType;
    }

    public S3DataType getS3DataType() {
        return s3DataType;
    }

    public S3DataDistributionType getS3DataDistributionType() {
        return s3DataDistributionType;
    }

    /** Returns this channel's input mode, or null when it uses the job's training input mode. */
    public TrainingInputMode getInputMode() {
        return inputMode;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ChannelSpec that
                && Objects.equals(name, that.name)
                && Objects.equals(s3Uri, that.s3Uri)
                && Objects.equals(localPath, that.localPath)
                && Objects.equals(contentType, that.contentType)
                && compressionType == that.compressionType
                && recordWrapperType == that.recordWrapperType
                && s3DataType == that.s3DataType
                && s3DataDistributionType == that.s3DataDistributionType
                && inputMode == that.inputMode;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, s3Uri, localPath, contentType, compressionType, recordWrapperType, s3DataType,
                s3DataDistributionType, inputMode);
    }

    @Override
    public String toString() {
        return "ChannelSpec{name=" + name + ", s3Uri=" + s3Uri + ", localPath=" + localPath + ", contentType=" + contentType
                + ", compressionType=" + compressionType + ", recordWrapperType=" + recordWrapperType
                + ", s3DataType=" + s3DataType + ", s3DataDistributionType=" + s3DataDistributionType
                + ", inputMode=" + inputMode + "}";
    }

    /** Builder of {@link ChannelSpec}. A null enum argument resets the field to its default. */
    public static final class Builder {

        private String name;
        private String s3Uri;
        private String localPath;
        private String contentType;
        private CompressionType compressionType = CompressionType.NONE;
        private RecordWrapperType recordWrapperType = RecordWrapperType.NONE;
        private S3DataType s3DataType = S3DataType.S3_PREFIX;
        private S3DataDistributionType s3DataDistributionType = S3DataDistributionType.FULLY_REPLICATED;
        private TrainingInputMode inputMode;

        private Builder() {
        }

        private Builder(ChannelSpec channel) {
            this.name = channel.name;
            this.s3Uri = channel.s3Uri;
            this.localPath = channel.localPath;
            this.contentType = channel.contentType;
            this.compressionType = channel.compressionType;
            this.recordWrapperType = channel.recordWrapperType;
            this.s3DataType = channel.s3DataType;
            this.s3DataDistributionType = channel.s3DataDistributionType;
            this.inputMode = channel.inputMode;
        }

        public Builder name(String name) {
            this.name = Strings.trimToNull(name);
            return this;
        }

        public Builder s3Uri(String s3Uri) {
            this.s3Uri = Strings.trimToNull(s3Uri);
            return this;
        }

        /** Sets the workspace file or folder to upload as this channel's data; blank means none. */
        public Builder localPath(String localPath) {
            this.localPath = Strings.trimToNull(localPath);
            return this;
        }

        public Builder contentType(String contentType) {
            this.contentType = Strings.trimToNull(contentType);
            return this;
        }

        public Builder compressionType(CompressionType compressionType) {
            this.compressionType = compressionType == null ? CompressionType.NONE : compressionType;
            return this;
        }

        public Builder recordWrapperType(RecordWrapperType recordWrapperType) {
            this.recordWrapperType = recordWrapperType == null ? RecordWrapperType.NONE : recordWrapperType;
            return this;
        }

        public Builder s3DataType(S3DataType s3DataType) {
            this.s3DataType = s3DataType == null ? S3DataType.S3_PREFIX : s3DataType;
            return this;
        }

        public Builder s3DataDistributionType(S3DataDistributionType s3DataDistributionType) {
            this.s3DataDistributionType = s3DataDistributionType == null
                    ? S3DataDistributionType.FULLY_REPLICATED
                    : s3DataDistributionType;
            return this;
        }

        /** Sets the channel's input mode, or null for the job's training input mode. */
        public Builder inputMode(TrainingInputMode inputMode) {
            this.inputMode = inputMode;
            return this;
        }

        public ChannelSpec build() {
            return new ChannelSpec(this);
        }
    }
}
