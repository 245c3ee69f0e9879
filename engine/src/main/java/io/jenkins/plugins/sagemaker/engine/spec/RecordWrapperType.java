package io.jenkins.plugins.sagemaker.engine.spec;

/** Record wrapping of a channel's input data: SageMaker's {@code RecordWrapperType}. */
public enum RecordWrapperType implements WireValue {
    NONE("None"),
    RECORD_IO("RecordIO");

    private final String wireValue;

    RecordWrapperType(String wireValue) {
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

    /** Parses a value such as {@code None} or {@code recordio}; see {@link WireValue#parse}. */
    public static RecordWrapperType parse(String text) {
        return WireValue.parse(RecordWrapperType.class, "recordWrapperType", text);
    }
}
