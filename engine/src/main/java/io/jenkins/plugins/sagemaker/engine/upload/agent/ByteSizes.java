package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.util.Locale;

/** Formats byte counts and rates for console lines, in binary units (KiB, MiB, GiB). */
public final class ByteSizes {

    private static final String[] UNITS = {"B", "KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {
    }

    /** Formats a byte count, such as {@code 1.5 GiB} or {@code 512 B}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }

    /** Formats a rate from bytes and elapsed nanoseconds, such as {@code 104.2 MiB/s}. */
    public static String rate(long bytes, long elapsedNanos) {
        if (elapsedNanos <= 0) {
            return "-";
        }
        long perSecond = (long) (bytes * 1e9 / elapsedNanos);
        return format(perSecond) + "/s";
    }
}
