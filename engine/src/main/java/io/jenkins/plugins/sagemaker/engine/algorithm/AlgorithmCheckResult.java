package io.jenkins.plugins.sagemaker.engine.algorithm;

import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.spec.NameValue;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.InvalidSpecException;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import java.util.List;

/**
 * The outcome of checking a job against the algorithm it names.
 *
 * @param algorithm the algorithm as messages name it, or null when the job names none
 * @param marketplace whether the algorithm is an AWS Marketplace algorithm (it has a ProductId)
 * @param spec the specification to submit: the checked one, with network isolation turned on when
 *     {@code networkIsolationTurnedOn} is true
 * @param problems every mismatch between the job and the algorithm; empty when the job fits
 * @param defaultedHyperparameters hyperparameters the job leaves out and the algorithm sets to its
 *     DefaultValue, in the algorithm's order
 * @param networkIsolationTurnedOn whether the engine turned network isolation on for the job
 * @param warnings reasons why the algorithm could not be checked, such as access denied to
 *     DescribeAlgorithm; the job is then submitted unchecked
 */
public record AlgorithmCheckResult(String algorithm, boolean marketplace, TrainingJobSpec spec,
        List<ValidationProblem> problems, List<NameValue> defaultedHyperparameters,
        boolean networkIsolationTurnedOn, List<String> warnings) {

    public AlgorithmCheckResult {
        problems = List.copyOf(problems);
        defaultedHyperparameters = List.copyOf(defaultedHyperparameters);
        warnings = List.copyOf(warnings);
    }

    /** Returns the result for a job that names no algorithm: nothing to check. */
    public static AlgorithmCheckResult noAlgorithm(TrainingJobSpec spec) {
        return new AlgorithmCheckResult(null, false, spec, List.of(), List.of(), false, List.of());
    }

    /** Returns the result for an algorithm that could not be read; the job goes on unchecked. */
    static AlgorithmCheckResult unchecked(String algorithm, TrainingJobSpec spec, String warning) {
        return new AlgorithmCheckResult(algorithm, false, spec, List.of(), List.of(), false, List.of(warning));
    }

    /** Returns the result for an algorithm that does not exist or cannot be used. */
    static AlgorithmCheckResult rejected(String algorithm, TrainingJobSpec spec, ValidationProblem problem) {
        return new AlgorithmCheckResult(algorithm, false, spec, List.of(problem), List.of(), false, List.of());
    }

    public boolean isValid() {
        return problems.isEmpty();
    }

    /**
     * Prints what the job runs with beyond what the user set: warnings, network isolation turned on,
     * and each defaulted hyperparameter as {@code Hyperparameter epochs = 10 (algorithm default)}.
     */
    public void printNotes(LogSink sink) {
        warnings.forEach(sink::warn);
        if (networkIsolationTurnedOn) {
            sink.info("Network isolation is turned on, because algorithm " + algorithm
                    + " is an AWS Marketplace algorithm and SageMaker runs those only with network isolation.");
        }
        for (NameValue hyperparameter : defaultedHyperparameters) {
            sink.info("Hyperparameter " + hyperparameter.getName() + " = " + hyperparameter.getValue()
                    + " (algorithm default)");
        }
    }

    /**
     * Returns {@link #spec()} when the job fits the algorithm.
     *
     * @throws InvalidSpecException listing every problem otherwise
     */
    public TrainingJobSpec requireValid() {
        if (!problems.isEmpty()) {
            throw new InvalidSpecException(problems);
        }
        return spec;
    }
}
