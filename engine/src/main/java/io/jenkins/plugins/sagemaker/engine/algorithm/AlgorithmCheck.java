package io.jenkins.plugins.sagemaker.engine.algorithm;

import io.jenkins.plugins.sagemaker.engine.spec.NameValue;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.model.DescribeAlgorithmResponse;
import software.amazon.awssdk.services.sagemaker.model.TrainingSpecification;

/**
 * Checks a training job against the TrainingSpecification of its algorithm, which SageMaker itself
 * enforces only after the job is created. It makes no AWS call: {@link AlgorithmPreflight} reads the
 * algorithm and calls this.
 */
public final class AlgorithmCheck {

    private AlgorithmCheck() {
    }

    /**
     * Checks {@code spec} against {@code algorithm} and reports every mismatch at once, in the order
     * of the specification's fields. Fields that are missing in {@code spec} are skipped, because
     * {@code SpecValidator} reports them.
     *
     * @param isolation what the user chose for network isolation; on an AWS Marketplace algorithm
     *     {@link NetworkIsolation#UNSET} turns it on and {@link NetworkIsolation#DISABLED} is a problem
     */
    public static AlgorithmCheckResult check(TrainingJobSpec spec, DescribeAlgorithmResponse algorithm,
            NetworkIsolation isolation) {
        String name = algorithm.algorithmName() != null ? algorithm.algorithmName() : spec.getAlgorithm();
        TrainingSpecification training = algorithm.trainingSpecification();
        if (training == null) {
            // TrainingSpecification is required in CreateAlgorithm, so this is an incomplete response.
            return AlgorithmCheckResult.unchecked(name, spec, "DescribeAlgorithm returned no TrainingSpecification "
                    + "for algorithm " + name + ", so the job was not checked against it.");
        }
        boolean marketplace = algorithm.productId() != null;
        List<ValidationProblem> problems = new ArrayList<>();

        ChannelRules channels = new ChannelRules(spec, training, name);
        channels.checkTrainingInputMode(problems);
        checkInstances(spec, training, name, problems);
        boolean turnIsolationOn = false;
        if (marketplace && isolation == NetworkIsolation.DISABLED) {
            problems.add(AlgorithmProblems.other("enableNetworkIsolation", "false", "true with AWS Marketplace algorithms",
                    "enableNetworkIsolation false is not allowed with algorithm " + name + ": set it to true or leave it "
                            + "unset, because SageMaker runs AWS Marketplace algorithms only with network isolation."));
        } else if (marketplace && isolation == NetworkIsolation.UNSET) {
            turnIsolationOn = true;
        }
        HyperparameterRules hyperparameters = new HyperparameterRules(training, name);
        hyperparameters.check(spec.getHyperparameters(), problems);
        channels.checkChannels(problems);

        TrainingJobSpec effective = turnIsolationOn ? spec.toBuilder().enableNetworkIsolation(true).build() : spec;
        List<NameValue> defaults = hyperparameters.defaultsNotGiven(spec.getHyperparameters());
        return new AlgorithmCheckResult(name, marketplace, effective, problems, defaults, turnIsolationOn, List.of());
    }

    private static void checkInstances(TrainingJobSpec spec, TrainingSpecification training, String algorithm,
            List<ValidationProblem> problems) {
        String instanceType = spec.getInstanceType();
        List<String> supported = training.supportedTrainingInstanceTypesAsStrings();
        if (instanceType != null && !supported.isEmpty() && !supported.contains(instanceType)) {
            problems.add(AlgorithmProblems.unsupported("instanceType", instanceType, algorithm, null, supported));
        }
        // The API reference: "If set to false, buyers can't request more than one instance during
        // training." An algorithm that leaves the flag out is not restricted here.
        if (spec.getInstanceCount() > 1 && Boolean.FALSE.equals(training.supportsDistributedTraining())) {
            problems.add(AlgorithmProblems.other("instanceCount", Integer.toString(spec.getInstanceCount()), "1",
                    "instanceCount " + spec.getInstanceCount() + " is not supported by algorithm " + algorithm
                            + ": use 1, because the algorithm does not support distributed training."));
        }
    }
}
