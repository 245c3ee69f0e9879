package io.jenkins.plugins.sagemaker.engine.upload.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressMeterTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void linesAtMostOncePerInterval() {
        AtomicLong clock = new AtomicLong();
        List<String> lines = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter("Uploading", new ProgressTotals(4, 4096, 0, 0), 5_000, lines::add,
                clock::get);

        clock.set(SECOND);
        meter.addBytes(1024);
        clock.set(4 * SECOND);
        meter.addBytes(1024);
        clock.set(5 * SECOND);
        meter.fileDone();
        clock.set(9 * SECOND);
        meter.addBytes(1024);
        clock.set(10 * SECOND);
        meter.addBytes(1024);

        assertThat(lines).containsExactly(
                "Uploading: 1 of 4 files, 2.0 KiB of 4.0 KiB (50%), 409 B/s",
                "Uploading: 1 of 4 files, 4.0 KiB of 4.0 KiB (100%), 409 B/s");
    }

    @Test
    void earlierBatchesCount() {
        AtomicLong clock = new AtomicLong();
        List<String> lines = new ArrayList<>();
        ProgressMeter meter = new ProgressMeter("Uploading", new ProgressTotals(20_000, 200L * 1024 * 1024, 10_000,
                100L * 1024 * 1024), 0, lines::add, clock::get);

        clock.set(SECOND);
        meter.addBytes(1024 * 1024);

        assertThat(lines).containsExactly("Uploading: 10,000 of 20,000 files, 101.0 MiB of 200.0 MiB (50%), 1.0 MiB/s");
    }

    @Test
    void byteSizesUseBinaryUnits() {
        assertThat(ByteSizes.format(0)).isEqualTo("0 B");
        assertThat(ByteSizes.format(1023)).isEqualTo("1023 B");
        assertThat(ByteSizes.format(1536)).isEqualTo("1.5 KiB");
        assertThat(ByteSizes.format(1L << 30)).isEqualTo("1.0 GiB");
        assertThat(ByteSizes.rate(10L << 20, 2 * SECOND)).isEqualTo("5.0 MiB/s");
    }
}
