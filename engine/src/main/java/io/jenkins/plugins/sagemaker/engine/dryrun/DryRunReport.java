package io.jenkins.plugins.sagemaker.engine.dryrun;

import io.jenkins.plugins.sagemaker.engine.validation.InvalidSpecException;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * Findings of a dry run.
 *
 * @param problems every problem that would make the run fail: specification, algorithm and S3
 *     locations, in that order
 * @param warnings checks that could not run, such as S3 access denied to the caller
 * @param requestJson the CreateTrainingJob request as SageMaker's JSON, or null when the
 *     specification is too invalid to build one
 */
public record DryRunReport(List<ValidationProblem> problems, List<String> warnings, String requestJson) {

    public DryRunReport {
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** Returns true when no problem was found; warnings do not count. */
    public boolean passed() {
        return problems.isEmpty();
    }

    /**
     * Returns this report when it passed.
     *
     * @throws InvalidSpecException listing every problem otherwise
     */
    public DryRunReport requirePassed() {
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(new ArrayList<>(problems));
        }
        return this;
    }
}
