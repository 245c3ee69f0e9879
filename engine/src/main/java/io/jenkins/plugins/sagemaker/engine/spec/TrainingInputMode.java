package io.jenkins.plugins.sagemaker.engine.spec;

/** How the training container reads its input channels: SageMaker's {@code TrainingInputMode}. */
public enum TrainingInputMode implements WireValue {
    FILE("File"),
    PIPE("Pipe"),
    FAST_FILE("FastFile");

    private final String wireValue;

    TrainingInputMode(String wireValue) {
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

    /** Parses a value such as {@code File} or {@code fastfile}; see {@link WireValue#parse}. */
    public static TrainingInputMode parse(String text) {
        return WireValue.parse(TrainingInputMode.class, "trainingInputMode", text);
    }
}
