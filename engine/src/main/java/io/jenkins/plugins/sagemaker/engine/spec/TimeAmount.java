package io.jenkins.plugins.sagemaker.engine.spec;

import java.io.Serializable;
import java.util.Objects;

/**
 * A duration as entered, such as 3 HOURS, kept with its unit so that messages can repeat it.
 * The amount is not range-checked here. The validator rejects amounts below one second or above
 * SageMaker's limits.
 */
public final class TimeAmount implements Serializable {

    private static final long serialVersionUID = 1L;

    private final long amount;
    private final RuntimeUnit unit;

    public TimeAmount(long amount, RuntimeUnit unit) {
        this.amount = amount;
        this.unit = Objects.requireNonNull(unit, "unit");
    }

    public static TimeAmount of(long amount, RuntimeUnit unit) {
        return new TimeAmount(amount, unit);
    }

    public long getAmount() {
        return amount;
    }

    public RuntimeUnit getUnit() {
        return unit;
    }

    /**
     * Returns the duration in seconds.
     *
     * @throws ArithmeticException if the result does not fit in a {@code long}
     */
    public long toSeconds() {
        return Math.multiplyExact(amount, unit.seconds());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TimeAmount that && amount == that.amount && unit == that.unit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(amount, unit);
    }

    /** Returns the amount and unit as entered, such as {@code 3 HOURS}. */
    @Override
    public String toString() {
        return amount + " " + unit.name();
    }
}
