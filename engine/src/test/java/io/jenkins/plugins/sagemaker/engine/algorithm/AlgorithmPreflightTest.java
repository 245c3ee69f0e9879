package io.jenkins.plugins.sagemaker.engine.algorithm;

import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator.BUCKET;
import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator.MARKETPLACE_ARN;
import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator.ROLE_ARN;
import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator.fullAlgorithmJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sagemaker.emulator.AlgorithmDefinition;
import io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator.RecordingSink;
import io.jenkins.plugins.sagemaker.engine.request.CreateTrainingJobRequests;
import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.InvalidSpecException;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sagemaker.model.CreateTrainingJobRequest;
import software.amazon.awssdk.services.sagemaker.model.SageMakerException;

/** The algorithm check before CreateTrainingJob, against the emulator over HTTP. */
class AlgorithmPreflightTest {

    private AlgorithmEmulator aws;
    private AlgorithmPreflight preflight;
    private final RecordingSink sink = new RecordingSink();

    @BeforeEach
    void startEmulator() {
        aws = new AlgorithmEmulator();
        preflight = new AlgorithmPreflight(aws.sageMaker);
    }

    @AfterEach
    void stopEmulator() {
        aws.close();
    }

    @Test
    void mismatchFailsBeforeCreateTrainingJob() {
        // my-algorithm is the emulator's own: channel "training" only, no ml.m5.large.
        TrainingJobSpec spec = TrainingJobSpec.builder()
                .jobName("undeclared-channel-job")
                .algorithm(AlgorithmDefinition.DEFAULT_ALGORITHM_NAME)
                .roleArn(ROLE_ARN)
                .instanceType("ml.m5.large")
                .channel(ChannelSpec.of("training", "s3://" + BUCKET + "/train/"))
                .channel(ChannelSpec.of("validation", "s3://" + BUCKET + "/validation/"))
                .outputPath("s3://" + BUCKET + "/output/")
                .build();

        assertThatThrownBy(() -> preflight.checkedRequest(spec, "undeclared-channel-job", "run-1", sink))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.getProblems())
                        .extracting(ValidationProblem::field)
                        .containsExactly("instanceType", "channels[1].name"));

        assertThat(aws.emulator.callCount("DescribeAlgorithm")).isEqualTo(1);
        assertThat(aws.emulator.callCount("CreateTrainingJob")).isZero();

        // The same request sent unchecked is rejected by CreateTrainingJob itself.
        CreateTrainingJobRequest unchecked = CreateTrainingJobRequests.build(spec, "undeclared-channel-job", "run-1");
        assertThatThrownBy(() -> aws.sageMaker.createTrainingJob(unchecked))
                .isInstanceOf(SageMakerException.class)
                .hasMessageContaining("is not supported by algorithm");
        assertThat(aws.emulator.callCount("CreateTrainingJob")).isEqualTo(1);
    }

    @Test
    void fittingJobIsCreated() {
        TrainingJobSpec spec = fullAlgorithmJob().hyperparameter("epochs", "20").build();

        CreateTrainingJobRequest request = preflight.checkedRequest(spec, "fitting-job", "run-2", sink);
        aws.sageMaker.createTrainingJob(request);

        assertThat(aws.emulator.callCount("CreateTrainingJob")).isEqualTo(1);
        assertThat(aws.sageMaker.describeTrainingJob(r -> r.trainingJobName("fitting-job")).hyperParameters())
                .containsEntry("epochs", "20")
                .containsEntry("optimizer", "sgd");
    }

    @Test
    void defaultsArePrinted() {
        TrainingJobSpec spec = fullAlgorithmJob().hyperparameter("learning_rate", "0.01").build();

        preflight.prepare(spec, sink);

        assertThat(sink.lines()).containsExactly(
                "Hyperparameter epochs = 10 (algorithm default)",
                "Hyperparameter optimizer = sgd (algorithm default)");
    }

    @Test
    void givenHyperparameterIsNotPrintedAsDefault() {
        TrainingJobSpec spec = fullAlgorithmJob()
                .hyperparameter("epochs", "3")
                .hyperparameter("optimizer", "adam")
                .build();

        preflight.prepare(spec, sink);

        assertThat(sink.lines()).isEmpty();
    }

    @Test
    void marketplaceTurnsIsolationOn() {
        TrainingJobSpec spec = marketplaceJob().build();

        TrainingJobSpec checked = preflight.prepare(spec, sink);

        assertThat(spec.isEnableNetworkIsolation()).isFalse();
        assertThat(checked.isEnableNetworkIsolation()).isTrue();
        assertThat(sink.lines()).containsExactly("Network isolation is turned on, because algorithm "
                + "market-algorithm is an AWS Marketplace algorithm and SageMaker runs those only with network "
                + "isolation.");
    }

    @Test
    void marketplaceJobWithIsolationIsCreated() {
        CreateTrainingJobRequest request = preflight.checkedRequest(marketplaceJob().build(), "market-job", "run-3", sink);

        aws.sageMaker.createTrainingJob(request);

        assertThat(request.enableNetworkIsolation()).isTrue();
        assertThat(aws.sageMaker.describeTrainingJob(r -> r.trainingJobName("market-job")).enableNetworkIsolation())
                .isTrue();
    }

    @Test
    void marketplaceRejectsIsolationOff() {
        TrainingJobSpec spec = marketplaceJob().build();

        assertThatThrownBy(() -> preflight.prepare(spec, NetworkIsolation.DISABLED, sink))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.getProblems())
                        .extracting(ValidationProblem::message)
                        .containsExactly("enableNetworkIsolation false is not allowed with algorithm "
                                + "market-algorithm: set it to true or leave it unset, because SageMaker runs AWS "
                                + "Marketplace algorithms only with network isolation."));
        assertThat(sink.lines()).isEmpty();
    }

    @Test
    void marketplaceRejectsExplicitFalseInSpec() {
        TrainingJobSpec spec = marketplaceJob().enableNetworkIsolation(false).build();

        assertThatThrownBy(() -> preflight.prepare(spec, sink))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> assertThat(e.getProblems())
                        .extracting(ValidationProblem::field)
                        .containsExactly("enableNetworkIsolation"));
        assertThat(aws.emulator.callCount("CreateTrainingJob")).isZero();
    }

    @Test
    void marketplaceKeepsIsolationOn() {
        TrainingJobSpec spec = marketplaceJob().enableNetworkIsolation(true).build();

        AlgorithmCheckResult result = preflight.check(spec);

        assertThat(result.marketplace()).isTrue();
        assertThat(result.networkIsolationTurnedOn()).isFalse();
        assertThat(result.spec()).isSameAs(spec);
    }

    @Test
    void ownAlgorithmKeepsIsolationOff() {
        TrainingJobSpec spec = fullAlgorithmJob().build();

        AlgorithmCheckResult result = preflight.check(spec, NetworkIsolation.DISABLED);

        assertThat(result.problems()).isEmpty();
        assertThat(result.spec().isEnableNetworkIsolation()).isFalse();
    }

    private static TrainingJobSpec.Builder marketplaceJob() {
        return TrainingJobSpec.builder()
                .baseJobName("market")
                .algorithm(MARKETPLACE_ARN)
                .roleArn(ROLE_ARN)
                .instanceType("ml.m5.xlarge")
                .channel(ChannelSpec.builder().name("training").s3Uri("s3://" + BUCKET + "/train/")
                        .contentType("text/csv").build())
                .outputPath("s3://" + BUCKET + "/output/");
    }
}
