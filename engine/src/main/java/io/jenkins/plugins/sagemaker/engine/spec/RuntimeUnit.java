package io.jenkins.plugins.sagemaker.engine.spec;

/** Unit of a {@link TimeAmount}, spelled as the argument values {@code SECONDS} to {@code DAYS}. */
public enum RuntimeUnit implements WireValue {
    SECONDS(1),
    MINUTES(60),
    HOURS(3_600),
    DAYS(86_400);

    private final long seconds;

    RuntimeUnit(long seconds) {
        this.seconds = seconds;
    }

    /** Returns the number of seconds in one unit. */
    public long seconds() {
        return seconds;
    }

    @Override
    public String wireValue() {
        return name();
    }

    /** Parses a value such as {@code HOURS} or {@code hours}; see {@link WireValue#parse}. */
    public static RuntimeUnit parse(String text) {
        return WireValue.parse(RuntimeUnit.class, "maxRuntimeUnit", text);
    }
}
