package io.jenkins.plugins.sagemaker.engine.algorithm;

import io.jenkins.plugins.sagemaker.engine.request.CreateTrainingJobRequests;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.InvalidSpecException;
import io.jenkins.plugins.sagemaker.engine.validation.SpecValidator;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.sagemaker.SageMakerClient;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.DescribeAlgorithmResponse;

/**
 * Reads the algorithm that a job names with DescribeAlgorithm and checks the job against it before
 * CreateTrainingJob, so a mismatch fails in seconds instead of minutes into provisioning.
 *
 * <p>An algorithm that does not exist is a problem of the job. An algorithm that cannot be read for
 * another reason (access denied, network errors after the SDK's retries) is a warning, and the job
 * goes on unchecked, because SageMaker still checks it after creation.
 */
public final class AlgorithmPreflight {

    private static final Logger LOGGER = Logger.getLogger(AlgorithmPreflight.class.getName());

    private final SageMakerClient sageMaker;

    public AlgorithmPreflight(SageMakerClient sageMaker) {
        this.sageMaker = sageMaker;
    }

    /** Checks {@code spec} with the network isolation choice that the spec records. */
    public AlgorithmCheckResult check(TrainingJobSpec spec) {
        return check(spec, NetworkIsolation.fromSpec(spec));
    }

    /**
     * Describes the algorithm that {@code spec} names and checks {@code spec} against it. A spec with
     * a training image instead of an algorithm is returned unchecked, without an AWS call.
     *
     * @throws AbortedException if the calling thread was interrupted during DescribeAlgorithm
     */
    public AlgorithmCheckResult check(TrainingJobSpec spec, NetworkIsolation isolation) {
        String algorithm = spec.getAlgorithm();
        if (algorithm == null) {
            return AlgorithmCheckResult.noAlgorithm(spec);
        }
        DescribeAlgorithmResponse response;
        try {
            response = sageMaker.describeAlgorithm(request -> request.algorithmName(algorithm));
        } catch (AwsServiceException e) {
            LOGGER.log(Level.FINE, "DescribeAlgorithm failed for " + algorithm, e);
            String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
            if ("ValidationException".equals(code)) {
                return AlgorithmCheckResult.rejected(algorithm, spec, notFound(algorithm, e));
            }
            return AlgorithmCheckResult.unchecked(algorithm, spec, uncheckedWarning(algorithm, describe(e)));
        } catch (AbortedException e) {
            throw e;
        } catch (SdkClientException e) {
            LOGGER.log(Level.FINE, "DescribeAlgorithm failed for " + algorithm, e);
            return AlgorithmCheckResult.unchecked(algorithm, spec, uncheckedWarning(algorithm, e.getMessage()));
        }
        LOGGER.log(Level.FINE, "Checking the job against algorithm {0}", response.algorithmArn());
        return AlgorithmCheck.check(spec, response, isolation);
    }

    /** Checks {@code spec} and prints its notes; see {@link #prepare(TrainingJobSpec, NetworkIsolation, LogSink)}. */
    public TrainingJobSpec prepare(TrainingJobSpec spec, LogSink sink) {
        return prepare(spec, NetworkIsolation.fromSpec(spec), sink);
    }

    /**
     * Checks {@code spec} against its algorithm, prints the notes (defaulted hyperparameters, network
     * isolation turned on, warnings) and returns the specification to submit.
     *
     * @throws InvalidSpecException listing every mismatch between the job and the algorithm
     */
    public TrainingJobSpec prepare(TrainingJobSpec spec, NetworkIsolation isolation, LogSink sink) {
        AlgorithmCheckResult result = check(spec, isolation);
        TrainingJobSpec checked = result.requireValid();
        result.printNotes(sink);
        return checked;
    }

    /**
     * Validates {@code spec}, checks it against its algorithm and builds the CreateTrainingJob request
     * to send: the one call a front end needs before {@code JobSubmitter.submit}.
     *
     * @throws InvalidSpecException listing the problems of the specification, or else those against
     *     the algorithm
     */
    public CreateTrainingJobRequest checkedRequest(TrainingJobSpec spec, String jobName, String runId, LogSink sink) {
        SpecValidator.requireValid(spec);
        return CreateTrainingJobRequests.build(prepare(spec, sink), jobName, runId);
    }

    private ValidationProblem notFound(String algorithm, AwsServiceException e) {
        String region = sageMaker.serviceClientConfiguration().region().id();
        return new ValidationProblem("algorithm", algorithm, "an algorithm in region " + region,
                "algorithm \"" + algorithm + "\" is invalid: DescribeAlgorithm in region " + region + " returned \""
                        + e.awsErrorDetails().errorMessage() + "\". Check the name or ARN, the region and, for an AWS "
                        + "Marketplace algorithm, your subscription.");
    }

    private static String uncheckedWarning(String algorithm, String reason) {
        return "Could not read algorithm " + algorithm + " with DescribeAlgorithm (" + reason + "), so the job was "
                + "not checked against it before submission; SageMaker checks it after the job is created.";
    }

    private static String describe(AwsServiceException e) {
        if (e.awsErrorDetails() == null) {
            return "HTTP " + e.statusCode();
        }
        return e.awsErrorDetails().errorCode() + ": " + e.awsErrorDetails().errorMessage();
    }
}
