package io.jenkins.plugins.sagemaker.engine.algorithm;

import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator.BUCKET;
import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmEmulator.fullAlgorithmJob;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.CompressionType;
import io.jenkins.plugins.sagemaker.engine.spec.NameValue;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingInputMode;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.SpecValidator;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Checks jobs against {@value AlgorithmEmulator#FULL_ALGORITHM}, read over HTTP from the emulator. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlgorithmMismatchTest {

    private AlgorithmEmulator aws;
    private AlgorithmPreflight preflight;

    @BeforeAll
    void startEmulator() {
        aws = new AlgorithmEmulator();
        preflight = new AlgorithmPreflight(aws.sageMaker);
    }

    @AfterAll
    void stopEmulator() {
        aws.close();
    }

    static Stream<Arguments> mismatches() {
        return Stream.of(
                mismatch("undeclared channel",
                        job -> job.channel(channel("testing", "text/csv")),
                        "channels[1].name \"testing\" is not supported by algorithm full-algorithm: use one of "
                                + "training, validation, model."),
                mismatch("required channel missing",
                        job -> job.channels(List.of(channel("validation", "text/csv"))),
                        "channels[training] is missing: add a channel named training, because algorithm "
                                + "full-algorithm requires it (required channels: training)."),
                mismatch("content type of training",
                        job -> job.channels(List.of(channel("training", "application/json"))),
                        "channels[0].contentType \"application/json\" is not supported by algorithm full-algorithm "
                                + "for channel training: use one of text/csv, application/x-recordio-protobuf."),
                mismatch("content type of validation",
                        job -> job.channel(channel("validation", "application/x-recordio-protobuf")),
                        "channels[1].contentType \"application/x-recordio-protobuf\" is not supported by algorithm "
                                + "full-algorithm for channel validation: use one of text/csv."),
                mismatch("gzip where only none",
                        job -> job.channel(channel("validation", "text/csv").toBuilder()
                                .compressionType(CompressionType.GZIP).build()),
                        "channels[1].compressionType \"Gzip\" is not supported by algorithm full-algorithm for "
                                + "channel validation: use one of None."),
                mismatch("none where only gzip",
                        job -> job.channel(channel("model", "application/x-model")),
                        "channels[1].compressionType \"None\" is not supported by algorithm full-algorithm for "
                                + "channel model: use one of Gzip."),
                mismatch("channel input mode fast file",
                        job -> job.channels(List.of(channel("training", "text/csv").toBuilder()
                                .inputMode(TrainingInputMode.FAST_FILE).build())),
                        "channels[0].inputMode \"FastFile\" is not supported by algorithm full-algorithm for "
                                + "channel training: use one of File, Pipe."),
                mismatch("channel input mode pipe",
                        job -> job.channel(channel("validation", "text/csv").toBuilder()
                                .inputMode(TrainingInputMode.PIPE).build()),
                        "channels[1].inputMode \"Pipe\" is not supported by algorithm full-algorithm for "
                                + "channel validation: use one of File."),
                mismatch("inherited input mode",
                        job -> job.trainingInputMode(TrainingInputMode.PIPE)
                                .channel(channel("validation", "text/csv")),
                        "channels[1].inputMode is not set, so channel validation uses trainingInputMode \"Pipe\", "
                                + "which algorithm full-algorithm does not support for that channel: set "
                                + "channels[1].inputMode to one of File."),
                mismatch("job input mode",
                        job -> job.trainingInputMode(TrainingInputMode.FAST_FILE),
                        "trainingInputMode \"FastFile\" is not supported by algorithm full-algorithm: use one of "
                                + "File, Pipe."),
                mismatch("instance type",
                        job -> job.instanceType("ml.c5.xlarge"),
                        "instanceType \"ml.c5.xlarge\" is not supported by algorithm full-algorithm: use one of "
                                + "ml.m5.xlarge, ml.m5.2xlarge, ml.p3.2xlarge."),
                mismatch("distributed training",
                        job -> job.instanceCount(2),
                        "instanceCount 2 is not supported by algorithm full-algorithm: use 1, because the "
                                + "algorithm does not support distributed training."),
                mismatch("unknown hyperparameter",
                        job -> job.hyperparameter("epoch", "5"),
                        "hyperparameters[1].name \"epoch\" is not supported by algorithm full-algorithm: use one "
                                + "of epochs, learning_rate, optimizer, num_classes, notes."),
                mismatch("integer as text",
                        job -> job.hyperparameter("epochs", "ten"),
                        "hyperparameters[epochs].value \"ten\" is invalid for algorithm full-algorithm: use an "
                                + "integer from 1 to 100."),
                mismatch("integer as decimal",
                        job -> job.hyperparameter("epochs", "2.5"),
                        "hyperparameters[epochs].value \"2.5\" is invalid for algorithm full-algorithm: use an "
                                + "integer from 1 to 100."),
                mismatch("integer below minimum",
                        job -> job.hyperparameter("epochs", "0"),
                        "hyperparameters[epochs].value \"0\" is out of range for algorithm full-algorithm: use "
                                + "an integer from 1 to 100."),
                mismatch("integer above maximum",
                        job -> job.hyperparameter("epochs", "101"),
                        "hyperparameters[epochs].value \"101\" is out of range for algorithm full-algorithm: use "
                                + "an integer from 1 to 100."),
                mismatch("continuous as text",
                        job -> job.hyperparameter("learning_rate", "fast"),
                        "hyperparameters[learning_rate].value \"fast\" is invalid for algorithm full-algorithm: "
                                + "use a number from 0.0001 to 1.0."),
                mismatch("continuous above maximum",
                        job -> job.hyperparameter("learning_rate", "1.5"),
                        "hyperparameters[learning_rate].value \"1.5\" is out of range for algorithm "
                                + "full-algorithm: use a number from 0.0001 to 1.0."),
                mismatch("continuous below minimum",
                        job -> job.hyperparameter("learning_rate", "1e-5"),
                        "hyperparameters[learning_rate].value \"1e-5\" is out of range for algorithm "
                                + "full-algorithm: use a number from 0.0001 to 1.0."),
                mismatch("categorical unknown value",
                        job -> job.hyperparameter("optimizer", "adamw"),
                        "hyperparameters[optimizer].value \"adamw\" is not supported by algorithm full-algorithm: "
                                + "use one of sgd, adam."),
                mismatch("categorical other case",
                        job -> job.hyperparameter("optimizer", "SGD"),
                        "hyperparameters[optimizer].value \"SGD\" is not supported by algorithm full-algorithm: "
                                + "use one of sgd, adam."),
                mismatch("required hyperparameter missing",
                        job -> job.hyperparameters(List.of(NameValue.of("epochs", "5"))),
                        "hyperparameters[num_classes] is missing: set it, because algorithm full-algorithm "
                                + "requires it (an integer from 2 to 1000)."));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mismatches")
    void mismatchIsReported(String name, UnaryOperator<TrainingJobSpec.Builder> change, String message) {
        TrainingJobSpec spec = change.apply(fullAlgorithmJob()).build();
        assertThat(SpecValidator.validate(spec)).as("the job itself is valid").isEmpty();

        AlgorithmCheckResult result = preflight.check(spec);

        assertThat(result.problems()).extracting(ValidationProblem::message).containsExactly(message);
    }

    @Test
    void fittingJobHasNoProblems() {
        TrainingJobSpec spec = fullAlgorithmJob()
                .trainingInputMode(TrainingInputMode.PIPE)
                .channel(channel("validation", "text/csv").toBuilder().inputMode(TrainingInputMode.FILE).build())
                .channel(channel("model", "application/x-model").toBuilder().compressionType(CompressionType.GZIP)
                        .inputMode(TrainingInputMode.FILE).build())
                .instanceType("ml.p3.2xlarge")
                .hyperparameter("epochs", "100")
                .hyperparameter("learning_rate", "1e-3")
                .hyperparameter("optimizer", "adam")
                .hyperparameter("notes", "any text at all")
                .build();

        AlgorithmCheckResult result = preflight.check(spec);

        assertThat(result.problems()).isEmpty();
        assertThat(result.spec()).isEqualTo(spec);
        assertThat(result.marketplace()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "100", " 50 ", "+7"})
    void integerBoundsAndSignsAreAccepted(String epochs) {
        TrainingJobSpec spec = fullAlgorithmJob().hyperparameter("epochs", epochs).build();

        assertThat(preflight.check(spec).problems()).isEmpty();
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        TrainingJobSpec spec = fullAlgorithmJob()
                .instanceType("ml.c5.xlarge")
                .instanceCount(3)
                .hyperparameters(List.of(NameValue.of("epochs", "0")))
                .channel(channel("testing", "text/csv"))
                .build();

        AlgorithmCheckResult result = preflight.check(spec);

        assertThat(result.problems()).extracting(ValidationProblem::field).containsExactly(
                "instanceType", "instanceCount", "hyperparameters[epochs].value", "hyperparameters[num_classes]",
                "channels[1].name");
    }

    @Test
    void unknownAlgorithmIsReported() {
        TrainingJobSpec spec = fullAlgorithmJob().algorithm("no-such-algorithm").build();

        AlgorithmCheckResult result = preflight.check(spec);

        assertThat(result.problems()).extracting(ValidationProblem::message).containsExactly(
                "algorithm \"no-such-algorithm\" is invalid: DescribeAlgorithm in region us-east-2 returned "
                        + "\"Algorithm arn:aws:sagemaker:us-east-2:123456789012:algorithm/no-such-algorithm does "
                        + "not exist.\". Check the name or ARN, the region and, for an AWS Marketplace algorithm, "
                        + "your subscription.");
    }

    @Test
    void unreadableAlgorithmIsAWarning() {
        aws.emulator.faults().serverError("DescribeAlgorithm", 1);
        TrainingJobSpec spec = fullAlgorithmJob().instanceType("ml.c5.xlarge").build();

        AlgorithmCheckResult result = preflight.check(spec);

        assertThat(result.problems()).isEmpty();
        assertThat(result.warnings()).singleElement().asString()
                .startsWith("Could not read algorithm full-algorithm with DescribeAlgorithm (")
                .endsWith("), so the job was not checked against it before submission; SageMaker checks it "
                        + "after the job is created.");
    }

    @Test
    void imageJobIsNotChecked() {
        int describeCalls = aws.emulator.callCount("DescribeAlgorithm");
        TrainingJobSpec spec = fullAlgorithmJob()
                .algorithm(null)
                .trainingImage("123456789012.dkr.ecr.us-east-2.amazonaws.com/xgboost:1.7-1")
                .build();

        AlgorithmCheckResult result = preflight.check(spec);

        assertThat(result.problems()).isEmpty();
        assertThat(result.spec()).isSameAs(spec);
        assertThat(aws.emulator.callCount("DescribeAlgorithm")).isEqualTo(describeCalls);
    }

    private static Arguments mismatch(String name, UnaryOperator<TrainingJobSpec.Builder> change, String message) {
        return Arguments.of(name, change, message);
    }

    static ChannelSpec channel(String name, String contentType) {
        return ChannelSpec.builder()
                .name(name)
                .s3Uri("s3://" + BUCKET + "/" + name + "/")
                .contentType(contentType)
                .build();
    }
}
