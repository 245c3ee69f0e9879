package io.jenkins.plugins.sagemaker.engine.upload.agent;

import java.io.Serializable;
import java.util.Locale;

/**
 * Counts that a progress line starts from when one transfer is split into several calls.
 *
 * @param totalFiles the files of the whole transfer
 * @param totalBytes the bytes of the whole transfer
 * @param doneFiles the files finished by earlier calls
 * @param doneBytes the bytes finished by earlier calls
 */
public record ProgressTotals(int totalFiles, long totalBytes, int doneFiles, long doneBytes)
        implements Serializable {

    /** Formats a console line such as {@code Uploading: 3 of 4 files, 768.0 MiB of 1.0 GiB (75%), 98.1 MiB/s}. */
    public String line(String verb, String rate) {
        long percent = totalBytes == 0 ? 100 : doneBytes * 100 / totalBytes;
        return String.format(Locale.ROOT, "%s: %,d of %,d files, %s of %s (%d%%), %s", verb, doneFiles, totalFiles,
                ByteSizes.format(doneBytes), ByteSizes.format(totalBytes), percent, rate);
    }
}
