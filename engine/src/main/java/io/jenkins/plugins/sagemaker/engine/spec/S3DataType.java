package io.jenkins.plugins.sagemaker.engine.spec;

/** What a channel's S3 URI points at: SageMaker's {@code S3DataType}. */
public enum S3DataType implements WireValue {
    /** Every object under the key prefix. */
    S3_PREFIX("S3Prefix"),
    /** A manifest object that lists the input objects. */
    MANIFEST_FILE("ManifestFile"),
    /** An augmented manifest (JSON Lines) with labels next to the object references. */
    AUGMENTED_MANIFEST_FILE("AugmentedManifestFile");

    private final String wireValue;

    S3DataType(String wireValue) {
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

    /** Parses a value such as {@code S3Prefix} or {@code manifestfile}; see {@link WireValue#parse}. */
    public static S3DataType parse(String text) {
        return WireValue.parse(S3DataType.class, "s3DataType", text);
    }
}
