package io.jenkins.plugins.sagemaker.engine.spec;

/** How a channel's objects are spread over the instances: SageMaker's {@code S3DataDistribution}. */
public enum S3DataDistributionType implements WireValue {
    FULLY_REPLICATED("FullyReplicated"),
    SHARDED_BY_S3_KEY("ShardedByS3Key");

    private final String wireValue;

    S3DataDistributionType(String wireValue) {
        this.wireValue = wireValue;
    }

    @Override
    public String wireValue() {
        return wireValue;
    }

    @Override
    public String toString() {
        return wireValue;
    }

    /** Parses a value such as {@code FullyReplicated}; see {@link WireValue#parse}. */
    public static S3DataDistributionType parse(String text) {
        return WireValue.parse(S3DataDistributionType.class, "s3DataDistributionType", text);
    }
}
