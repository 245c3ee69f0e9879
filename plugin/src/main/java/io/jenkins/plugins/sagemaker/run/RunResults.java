package io.jenkins.plugins.sagemaker.run;

import io.jenkins.plugins.sagemaker.engine.dryrun.DryRunReport;
import io.jenkins.plugins.sagemaker.engine.run.RunResult;
import io.jenkins.plugins.sagemaker.engine.run.SubmittedJob;
import java.util.LinkedHashMap;
import java.util.Map;

/** Converts a run's result into the value that {@code sagemakerTrain} returns to the Pipeline script. */
public final class RunResults {

    private RunResults() {
    }

    /**
     * Returns a map of plain values (String, Integer, Double and a nested map of Double), which a
     * sandboxed Pipeline reads without script approval. Absent values are left out, never null.
     */
    public static LinkedHashMap<String, Object> toMap(SubmittedJob job, RunResult result) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        putIfPresent(map, "jobName", job.jobName());
        putIfPresent(map, "jobArn", job.jobArn());
        putIfPresent(map, "consoleUrl", job.consoleUrl());
        putIfPresent(map, "status", result.trainingJobStatus());
        putIfPresent(map, "secondaryStatus", result.secondaryStatus());
        map.put("outcome", result.outcome().name());
        result.failureReason().ifPresent(reason -> map.put("failureReason", reason));
        result.modelArtifactsUri().ifPresent(uri -> map.put("modelArtifacts", uri));
        result.trainingSeconds().ifPresent(seconds -> map.put("trainingSeconds", seconds));
        result.billableSeconds().ifPresent(seconds -> map.put("billableSeconds", seconds));
        Map<String, Double> metrics = new LinkedHashMap<>(result.finalMetrics());
        map.put("finalMetrics", metrics);
        return map;
    }

    /**
     * Returns the value of a dry run that passed: {@code dryRun} true, the job name that a real run
     * would use, the request as JSON and, when some checks could not run, their warnings as one
     * string with one warning per line.
     */
    public static LinkedHashMap<String, Object> toDryRunMap(String jobName, DryRunReport report) {
        LinkedHashMap<String, Object> map = new LinkedHashMap<>();
        map.put("dryRun", Boolean.TRUE);
        putIfPresent(map, "jobName", jobName);
        putIfPresent(map, "request", report.requestJson());
        if (!report.warnings().isEmpty()) {
            map.put("warnings", String.join("\n", report.warnings()));
        }
        return map;
    }

    private static void putIfPresent(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
