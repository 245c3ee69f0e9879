package io.jenkins.plugins.sagemaker.engine.spec;

/** Compression of a channel's input data: SageMaker's {@code CompressionType}. */
public enum CompressionType implements WireValue {
    NONE("None"),
    GZIP("Gzip");

    private final String wireValue;

    CompressionType(String wireValue) {
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

    /** Parses a value such as {@code None} or {@code gzip}; see {@link WireValue#parse}. */
    public static CompressionType parse(String text) {
        return WireValue.parse(CompressionType.class, "compressionType", text);
    }
}
