package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Counts files and bytes of a transfer and prints a progress line at most once per interval. Lines
 * are printed from the threads that report bytes, so no timer thread is needed, and a transfer
 * that makes no progress prints nothing.
 */
final class ProgressMeter {

    private final String verb;
    private final ProgressTotals totals;
    private final long intervalNanos;
    private final ProgressSink sink;
    private final LongSupplier nanoClock;
    private final long startNanos;
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger files = new AtomicInteger();
    private long lastLineNanos;

    ProgressMeter(String verb, ProgressTotals totals, long intervalMillis, ProgressSink sink, LongSupplier nanoClock) {
        this.verb = verb;
        this.totals = totals;
        this.intervalNanos = intervalMillis * 1_000_000;
        this.sink = sink;
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.lastLineNanos = startNanos;
    }

    ProgressMeter(String verb, ProgressTotals totals, long intervalMillis, ProgressSink sink) {
        this(verb, totals, intervalMillis, sink, System::nanoTime);
    }

    void addBytes(long count) {
        bytes.addAndGet(count);
        printIfDue();
    }

    void fileDone() {
        files.incrementAndGet();
        printIfDue();
    }

    private void printIfDue() {
        long now = nanoClock.getAsLong();
        synchronized (this) {
            if (now - lastLineNanos < intervalNanos) {
                return;
            }
            lastLineNanos = now;
            sink.progress(line(now));
        }
    }

    String line(long nowNanos) {
        ProgressTotals now = new ProgressTotals(totals.totalFiles(), totals.totalBytes(),
                totals.doneFiles() + files.get(), totals.doneBytes() + bytes.get());
        return now.line(verb, ByteSizes.rate(bytes.get(), nowNanos - startNanos));
    }
}
