package io.jenkins.plugins.sagemaker.engine.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TimeAmountTest {

    @Test
    void toSecondsMultipliesByUnit() {
        assertThat(TimeAmount.of(90, RuntimeUnit.SECONDS).toSeconds()).isEqualTo(90);
        assertThat(TimeAmount.of(3, RuntimeUnit.MINUTES).toSeconds()).isEqualTo(180);
        assertThat(TimeAmount.of(2, RuntimeUnit.HOURS).toSeconds()).isEqualTo(7_200);
        assertThat(TimeAmount.of(28, RuntimeUnit.DAYS).toSeconds()).isEqualTo(2_419_200);
    }

    @Test
    void toSecondsOverflowThrows() {
        TimeAmount huge = TimeAmount.of(Long.MAX_VALUE / 100, RuntimeUnit.DAYS);

        assertThatThrownBy(huge::toSeconds).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void toStringShowsAmountAndUnit() {
        assertThat(TimeAmount.of(3, RuntimeUnit.HOURS)).hasToString("3 HOURS");
    }

    @Test
    void equalityNeedsSameUnit() {
        assertThat(TimeAmount.of(60, RuntimeUnit.MINUTES)).isNotEqualTo(TimeAmount.of(1, RuntimeUnit.HOURS));
        assertThat(TimeAmount.of(1, RuntimeUnit.HOURS)).isEqualTo(TimeAmount.of(1, RuntimeUnit.HOURS));
    }
}
