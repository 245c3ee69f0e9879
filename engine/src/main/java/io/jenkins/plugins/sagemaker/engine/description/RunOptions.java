package io.jenkins.plugins.sagemaker.engine.description;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Run behaviour: a dry run, which only prints the request; the interval for polling the job; and
 * where to download the trained model. Polling starts every {@code pollIntervalSeconds} and may back
 * off up to {@code maxPollIntervalSeconds}.
 */
public final class RunOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final int DEFAULT_POLL_INTERVAL_SECONDS = 5;
    public static final int DEFAULT_MAX_POLL_INTERVAL_SECONDS = 60;

    private final boolean dryRun;
    private final int pollIntervalSeconds;
    private final int maxPollIntervalSeconds;
    private final String modelDownloadPath;
    private final boolean downloadOutputData;

    public RunOptions(boolean dryRun, int pollIntervalSeconds, int maxPollIntervalSeconds) {
        this(dryRun, pollIntervalSeconds, maxPollIntervalSeconds, null, false);
    }

    /**
     * @param modelDownloadPath workspace folder that receives model.tar.gz after a completed job, or null
     * @param downloadOutputData whether output.tar.gz, the job's other output, is downloaded there too
     */
    public RunOptions(boolean dryRun, int pollIntervalSeconds, int maxPollIntervalSeconds, String modelDownloadPath,
            boolean downloadOutputData) {
        this.dryRun = dryRun;
        this.pollIntervalSeconds = pollIntervalSeconds;
        this.maxPollIntervalSeconds = maxPollIntervalSeconds;
        this.modelDownloadPath = modelDownloadPath;
        this.downloadOutputData = downloadOutputData;
    }

    /**
     * Checks a pair of poll intervals as every front end accepts them: at least 1 second, and the
     * maximum not below the first interval. Returns one message per problem, empty when both are valid.
     */
    public static List<String> pollIntervalProblems(int pollIntervalSeconds, int maxPollIntervalSeconds) {
        List<String> problems = new ArrayList<>();
        if (pollIntervalSeconds < 1) {
            problems.add("pollIntervalSeconds " + pollIntervalSeconds + " is invalid: use at least 1 second.");
        } else if (maxPollIntervalSeconds < pollIntervalSeconds) {
            problems.add("maxPollIntervalSeconds " + maxPollIntervalSeconds
                    + " is invalid: use at least pollIntervalSeconds (" + pollIntervalSeconds + ").");
        }
        return problems;
    }

    /**
     * Checks the model download folder before any job runs, because the agent checks it only when the
     * job has completed. The workspace is not known here, so the path must be relative and must not
     * leave the workspace through {@code ..}. Returns one message per problem, empty when valid or null.
     */
    public static List<String> modelDownloadPathProblems(String modelDownloadPath) {
        if (modelDownloadPath == null || modelDownloadPath.isBlank()) {
            return List.of();
        }
        String path = modelDownloadPath.trim();
        boolean absolute = path.startsWith("/") || path.startsWith("\\") || path.matches("[A-Za-z]:.*");
        int depth = 0;
        for (String segment : path.split("[/\\\\]+")) {
            if (segment.equals("..")) {
                depth--;
            } else if (!segment.isEmpty() && !segment.equals(".")) {
                depth++;
            }
            if (depth < 0) {
                break;
            }
        }
        if (absolute || depth < 0) {
            return List.of("modelDownloadPath \"" + modelDownloadPath + "\" is invalid: use a folder inside the "
                    + "workspace, relative to it, such as model.");
        }
        return List.of();
    }

    /** Returns the defaults: no dry run, polling every 5 seconds, backing off up to 60. */
    public static RunOptions defaults() {
        return new RunOptions(false, DEFAULT_POLL_INTERVAL_SECONDS, DEFAULT_MAX_POLL_INTERVAL_SECONDS);
    }

    public boolean isDryRun() {
        return dryRun;
    }

    public int getPollIntervalSeconds() {
        return pollIntervalSeconds;
    }

    public int getMaxPollIntervalSeconds() {
        return maxPollIntervalSeconds;
    }

    /** Returns the workspace folder for the model artifact, or null when nothing is downloaded. */
    public String getModelDownloadPath() {
        return modelDownloadPath;
    }

    public boolean isDownloadOutputData() {
        return downloadOutputData;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RunOptions that
                && dryRun == that.dryRun
                && pollIntervalSeconds == that.pollIntervalSeconds
                && maxPollIntervalSeconds == that.maxPollIntervalSeconds
                && Objects.equals(modelDownloadPath, that.modelDownloadPath)
                && downloadOutputData == that.downloadOutputData;
    }

    @Override
    public int hashCode() {
        return Objects.hash(dryRun, pollIntervalSeconds, maxPollIntervalSeconds, modelDownloadPath, downloadOutputData);
    }

    @Override
    public String toString() {
        return "RunOptions{dryRun=" + dryRun + ", pollIntervalSeconds=" + pollIntervalSeconds
                + ", maxPollIntervalSeconds=" + maxPollIntervalSeconds + ", modelDownloadPath=" + modelDownloadPath
                + ", downloadOutputData=" + downloadOutputData + "}";
    }
}
