package io.jenkins.plugins.sagemaker.engine.dryrun;

import io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmCheckResult;
import io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmPreflight;
import io.jenkins.plugins.sagemaker.engine.algorithm.NetworkIsolation;
import io.jenkins.plugins.sagemaker.engine.aws.AwsClientFactory;
import io.jenkins.plugins.sagemaker.engine.request.CreateTrainingJobRequests;
import io.jenkins.plugins.sagemaker.engine.run.AwsErrors;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.upload.WorkspaceChannels;
import io.jenkins.plugins.sagemaker.engine.upload.agent.WorkspaceAgent;
import io.jenkins.plugins.sagemaker.engine.validation.SpecValidator;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;

/**
 * Checks everything about a training job that can be checked without creating it, and prints the
 * CreateTrainingJob request that a real run would send. It calls DescribeAlgorithm, DescribeTrainingJob
 * (for a fixed job name), ListObjectsV2 and HeadBucket, lists the workspace paths of channels uploaded
 * from the workspace, and never sends CreateTrainingJob. The Pipeline step ({@code dryRun: true}), the freestyle
 * form's "Check configuration" button and the command-line runner ({@code --dry-run}) share it.
 */
public final class DryRun {

    private DryRun() {
    }

    /** Runs a dry run with {@link DryRunOptions#defaults()}. */
    public static DryRunReport run(TrainingJobSpec spec, String jobName, String runId, AwsClientFactory clients,
            LogSink sink) {
        return run(spec, jobName, runId, clients, sink, DryRunOptions.defaults());
    }

    /**
     * Validates {@code spec}, checks it against its algorithm, checks its S3 locations and prints the
     * request as JSON, then every problem found. All checks run even after a problem, so one dry run
     * reports everything.
     *
     * @param jobName the final job name, as a real run would use it
     * @param runId the run id that the request's run-id tag carries
     * @param clients the factory of the SageMaker and S3 clients; this method closes the clients it
     *     builds, not the factory
     * @return the problems, the warnings and the request JSON; the caller decides whether problems fail
     *     the build, for example with {@link DryRunReport#requirePassed()}
     */
    public static DryRunReport run(TrainingJobSpec spec, String jobName, String runId, AwsClientFactory clients,
            LogSink sink, DryRunOptions options) {
        return run(spec, jobName, runId, clients, sink, options, null);
    }

    /**
     * Runs the dry run of {@link #run(TrainingJobSpec, String, String, AwsClientFactory, LogSink, DryRunOptions)}
     * and also lists the {@code localPath} of every workspace channel through {@code workspace}: a missing
     * path, an empty folder or a path outside the workspace is a problem.
     *
     * @param workspace where the workspace is, or null when the caller has none (each workspace
     *     channel then gets a warning)
     */
    public static DryRunReport run(TrainingJobSpec spec, String jobName, String runId, AwsClientFactory clients,
            LogSink sink, DryRunOptions options, WorkspaceAgent workspace) {
        sink.info("Dry run: checking training job " + jobName + " without creating it.");
        List<ValidationProblem> problems = new ArrayList<>(SpecValidator.validate(spec));
        boolean specValid = problems.isEmpty();
        List<String> warnings = new ArrayList<>();

        TrainingJobSpec checked = spec;
        boolean checkAlgorithm = spec.getAlgorithm() != null
                && problems.stream().noneMatch(p -> p.field().equals("algorithm"));
        boolean checkJobName = spec.getJobName() != null && specValid;
        // The algorithm check prints its own warnings; the ones added after it are printed below.
        int printedWarnings = 0;
        if (checkAlgorithm || checkJobName) {
            try (SageMakerClient sageMaker = clients.sageMaker()) {
                if (checkAlgorithm) {
                    NetworkIsolation isolation = options.networkIsolation() == NetworkIsolation.UNSET
                            ? NetworkIsolation.fromSpec(spec)
                            : options.networkIsolation();
                    AlgorithmCheckResult result = new AlgorithmPreflight(sageMaker).check(spec, isolation);
                    problems.addAll(result.problems());
                    warnings.addAll(result.warnings());
                    result.printNotes(sink);
                    checked = result.spec();
                    printedWarnings = warnings.size();
                }
                if (checkJobName) {
                    checkJobNameFree(sageMaker, spec.getJobName(), problems, warnings);
                }
            }
        }

        try (S3Client s3 = clients.s3()) {
            new S3Checks(s3, problems, warnings).check(spec, options.workspaceChannels());
        }
        new WorkspaceChecks(workspace, problems, warnings).check(spec);
        warnings.subList(printedWarnings, warnings.size()).forEach(sink::warn);

        String requestJson = specValid ? requestJson(checked, jobName, runId, problems) : null;
        if (requestJson != null) {
            sink.info("CreateTrainingJob request (not sent):");
            sink.info(requestJson);
        }
        printSummary(problems, warnings, sink);
        return new DryRunReport(problems, warnings, requestJson);
    }

    /** Checks that a fixed job name is new: names are unique per account and region, and jobs are kept. */
    private static void checkJobNameFree(SageMakerClient sageMaker, String jobName, List<ValidationProblem> problems,
            List<String> warnings) {
        try {
            sageMaker.describeTrainingJob(request -> request.trainingJobName(jobName));
            problems.add(new ValidationProblem("jobName", jobName, "a name no training job has had",
                    "jobName \"" + jobName + "\" is invalid: a training job with this name exists already. Choose "
                            + "another name, or set baseJobName to derive a new name for each run."));
        } catch (AbortedException e) {
            throw e;
        } catch (SdkException e) {
            if (!AwsErrors.isNotFound(e)) {
                warnings.add("DescribeTrainingJob failed for " + jobName + " (" + AwsErrors.describe(e)
                        + "), so whether the job name is free was not checked.");
            }
        }
    }

    private static String requestJson(TrainingJobSpec spec, String jobName, String runId,
            List<ValidationProblem> problems) {
        try {
            // Workspace channels appear with the prefix their files would be uploaded to.
            TrainingJobSpec resolved = WorkspaceChannels.resolve(spec, jobName);
            return CreateTrainingJobRequests.toJson(CreateTrainingJobRequests.build(resolved, jobName, runId));
        } catch (IllegalArgumentException | ArithmeticException e) {
            // The specification is valid, so this is the job name or the run id that the caller passed.
            problems.add(new ValidationProblem("jobName", jobName, "a valid job name and run id", e.getMessage()));
            return null;
        }
    }

    private static void printSummary(List<ValidationProblem> problems, List<String> warnings, LogSink sink) {
        if (problems.isEmpty()) {
            String unchecked = warnings.isEmpty() ? "" : " (" + warnings.size() + " checks could not run, see the warnings)";
            sink.info("Dry run passed" + unchecked + ": CreateTrainingJob was not sent.");
            return;
        }
        sink.warn("Dry run found " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
                + "; CreateTrainingJob was not sent:");
        for (ValidationProblem problem : problems) {
            sink.warn("- " + problem.message());
        }
    }
}
