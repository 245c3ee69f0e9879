package io.jenkins.plugins.sagemaker.engine.description;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.CompressionType;
import io.jenkins.plugins.sagemaker.engine.spec.MetricDefinition;
import io.jenkins.plugins.sagemaker.engine.spec.NameValue;
import io.jenkins.plugins.sagemaker.engine.spec.RecordWrapperType;
import io.jenkins.plugins.sagemaker.engine.spec.RuntimeUnit;
import io.jenkins.plugins.sagemaker.engine.spec.S3DataDistributionType;
import io.jenkins.plugins.sagemaker.engine.spec.S3DataType;
import io.jenkins.plugins.sagemaker.engine.spec.TagSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TimeAmount;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingInputMode;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.SpecValidator;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobDescriptionTest {

    @Test
    void yamlFileSetsEveryArgument() throws Exception {
        JobDescription description = JobDescription.read(resource("description-full.yaml"));

        TrainingJobSpec spec = description.getSpec();
        assertThat(spec.getBaseJobName()).isEqualTo("ML Team/nightly_retrain.v2");
        assertThat(spec.getTrainingImage()).isEqualTo("123456789012.dkr.ecr.us-east-2.amazonaws.com/xgboost:1.7-1");
        assertThat(spec.getTrainingInputMode()).isEqualTo(TrainingInputMode.PIPE);
        assertThat(spec.getMetricDefinitions())
                .containsExactly(MetricDefinition.of("validation:rmse", "validation-rmse:([0-9.]+)"));
        assertThat(spec.getRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/SageMakerRole");
        assertThat(spec.getInstanceType()).isEqualTo("ml.m5.xlarge");
        assertThat(spec.getInstanceCount()).isEqualTo(2);
        assertThat(spec.getVolumeSizeInGb()).isEqualTo(50);
        assertThat(spec.getVolumeKmsKeyId()).isEqualTo("alias/volume");
        assertThat(spec.getMaxRuntime()).isEqualTo(TimeAmount.of(3, RuntimeUnit.HOURS));
        assertThat(spec.isUseSpotInstances()).isTrue();
        assertThat(spec.getMaxWait()).isEqualTo(TimeAmount.of(4, RuntimeUnit.HOURS));
        assertThat(spec.getCheckpointS3Uri()).isEqualTo("s3://example-bucket/checkpoints/");
        assertThat(spec.getCheckpointLocalPath()).isEqualTo("/opt/ml/checkpoints");
        assertThat(spec.getSubnets()).containsExactly("subnet-0abc1234", "subnet-0def5678");
        assertThat(spec.getSecurityGroupIds()).containsExactly("sg-0abc1234");
        assertThat(spec.isEnableNetworkIsolation()).isTrue();
        assertThat(spec.isEnableInterContainerTrafficEncryption()).isTrue();
        assertThat(spec.getEnvironment()).containsExactly(NameValue.of("LOG_LEVEL", "debug"), NameValue.of("THREADS", "8"));
        assertThat(spec.getChannels()).containsExactly(
                ChannelSpec.builder().name("train").s3Uri("s3://example-bucket/data/train/").contentType("text/csv")
                        .build(),
                ChannelSpec.builder()
                        .name("validation")
                        .s3Uri("s3://example-bucket/data/validation/manifest.json")
                        .compressionType(CompressionType.GZIP)
                        .recordWrapperType(RecordWrapperType.RECORD_IO)
                        .s3DataType(S3DataType.MANIFEST_FILE)
                        .s3DataDistributionType(S3DataDistributionType.SHARDED_BY_S3_KEY)
                        .inputMode(TrainingInputMode.FILE)
                        .build());
        assertThat(spec.getOutputPath()).isEqualTo("s3://example-bucket/output/");
        assertThat(spec.getOutputKmsKeyId()).isEqualTo("alias/output");
        assertThat(spec.getTags()).containsExactly(TagSpec.of("team", "ml-platform"), TagSpec.of("cost center", "42"));
        assertThat(SpecValidator.validate(spec)).isEmpty();
    }

    @Test
    void yamlFileSetsConnectionAndRunOptions() throws Exception {
        JobDescription description = JobDescription.read(resource("description-full.yaml"));

        ConnectionSettings connection = description.getConnection();
        assertThat(connection.getRegion()).isEqualTo("us-east-2");
        assertThat(connection.getEndpointUrl()).isEqualTo("http://127.0.0.1:4566");
        assertThat(connection.getLogsEndpointUrl()).isNull();
        assertThat(connection.getEffectiveLogsEndpointUrl()).isEqualTo("http://127.0.0.1:4566");
        assertThat(connection.getS3EndpointUrl()).isEqualTo("http://127.0.0.1:4567");
        assertThat(connection.getStsEndpointUrl()).isEqualTo("http://127.0.0.1:4568");
        assertThat(connection.getAssumeRoleArn()).isEqualTo("arn:aws:iam::123456789012:role/Deployer");
        assertThat(connection.getAssumeRoleExternalId()).isEqualTo("example-external-id");
        assertThat(connection.getAssumeRoleSessionName()).isEqualTo("jenkins-build-42");
        assertThat(description.getRunOptions()).isEqualTo(new RunOptions(true, 10, 120));
    }

    @Test
    void jsonFileEqualsYamlFile() throws Exception {
        JobDescription json = JobDescription.read(resource("description-full.json"));
        JobDescription yaml = JobDescription.read(resource("description-full.yaml"));

        assertThat(json.getSpec()).isEqualTo(yaml.getSpec());
        assertThat(json.getConnection()).isEqualTo(yaml.getConnection());
        assertThat(json.getRunOptions()).isEqualTo(yaml.getRunOptions());
    }

    @Test
    void yamlHyperparameterMapKeepsTextAndOrder() throws Exception {
        TrainingJobSpec spec = JobDescription.read(resource("description-full.yaml")).getSpec();

        assertThat(spec.getHyperparameters()).containsExactly(
                NameValue.of("eta", "0.10"),
                NameValue.of("alpha", "1e-3"),
                NameValue.of("early_stopping", "true"),
                NameValue.of("num_round", "010"),
                NameValue.of("objective", "reg:squarederror"));
    }

    @Test
    void jsonNumbersKeepTheirText() {
        String json = """
                {"hyperparameters": {"eta": 0.10, "alpha": 1e-3, "flag": true, "big": 1E+5, "negative": -0.0}}
                """;

        TrainingJobSpec spec = JobDescription.parse(json, "job.json").getSpec();

        assertThat(spec.getHyperparameters()).containsExactly(
                NameValue.of("eta", "0.10"),
                NameValue.of("alpha", "1e-3"),
                NameValue.of("flag", "true"),
                NameValue.of("big", "1E+5"),
                NameValue.of("negative", "-0.0"));
    }

    @Test
    void yamlHyperparameterListKeepsText() {
        String yaml = """
                hyperparameters:
                  - name: eta
                    value: 0.10
                  - name: padded
                    value: 010
                  - name: quoted
                    value: "0.10"
                  - name: spaced
                    value: ' keep spaces '
                """;

        TrainingJobSpec spec = JobDescription.parse(yaml, "job.yml").getSpec();

        assertThat(spec.getHyperparameters()).containsExactly(
                NameValue.of("eta", "0.10"),
                NameValue.of("padded", "010"),
                NameValue.of("quoted", "0.10"),
                NameValue.of("spaced", " keep spaces "));
    }

    @Test
    void emptyHyperparameterValueIsNull() {
        TrainingJobSpec spec = JobDescription.parse("hyperparameters:\n  eta:\n", "job.yaml").getSpec();

        assertThat(spec.getHyperparameters()).containsExactly(NameValue.of("eta", null));
    }

    @Test
    void defaultsApplyWhenArgumentsAreLeftOut() {
        JobDescription description = JobDescription.parse("jobName: train-1\n", "job.yaml");

        assertThat(description.getSpec()).isEqualTo(TrainingJobSpec.builder().jobName("train-1").build());
        assertThat(description.getRunOptions()).isEqualTo(RunOptions.defaults());
        assertThat(description.getConnection()).isEqualTo(ConnectionSettings.builder().build());
    }

    @Test
    void maxRuntimeUnitAloneMeansOneUnit() {
        TrainingJobSpec spec = JobDescription.parse("maxRuntimeUnit: HOURS\n", "job.yaml").getSpec();

        assertThat(spec.getMaxRuntime()).isEqualTo(TimeAmount.of(1, RuntimeUnit.HOURS));
    }

    @Test
    void maxWaitUnitDefaultsToHours() {
        TrainingJobSpec spec = JobDescription.parse("maxWait: 5\n", "job.yaml").getSpec();

        assertThat(spec.getMaxWait()).isEqualTo(TimeAmount.of(5, RuntimeUnit.HOURS));
    }

    @Test
    void singleSubnetStringBecomesList() {
        TrainingJobSpec spec = JobDescription.parse("subnets: subnet-0abc1234\n", "job.yaml").getSpec();

        assertThat(spec.getSubnets()).containsExactly("subnet-0abc1234");
    }

    @Test
    void logsEndpointOverridesEndpoint() {
        String yaml = "endpointUrl: http://127.0.0.1:1000\nlogsEndpointUrl: http://127.0.0.1:2000\n";

        ConnectionSettings connection = JobDescription.parse(yaml, "job.yaml").getConnection();

        assertThat(connection.getEffectiveLogsEndpointUrl()).isEqualTo("http://127.0.0.1:2000");
    }

    @Test
    void formIsSniffedWithoutExtension() {
        JobDescription json = JobDescription.parse("  {\"jobName\": \"from-json\"}", "job.txt");
        JobDescription yaml = JobDescription.parse("jobName: from-yaml", null);

        assertThat(json.getSpec().getJobName()).isEqualTo("from-json");
        assertThat(yaml.getSpec().getJobName()).isEqualTo("from-yaml");
    }

    @Test
    void extensionWinsOverContent() {
        // Valid YAML, but the .json extension makes it JSON, in which it is a syntax error.
        assertThatThrownBy(() -> JobDescription.parse("jobName: x", "job.json"))
                .isInstanceOf(JobDescriptionException.class)
                .hasMessageContaining("The JSON syntax is invalid at line 1, column ");
    }

    @Test
    void unknownArgumentSuggestsCloseMatchAndListsKnown() {
        assertThatThrownBy(() -> JobDescription.parse("instanceTyp: ml.m5.xlarge\n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "Unknown argument \"instanceTyp\". Did you mean \"instanceType\"? Known arguments: "
                                + String.join(", ", JobDescription.argumentNames()) + "."));
    }

    @Test
    void unknownArgumentIgnoringCaseSuggestsMatch() {
        assertThatThrownBy(() -> JobDescription.parse("ROLEARN: x\n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors().get(0))
                        .startsWith("Unknown argument \"ROLEARN\". Did you mean \"roleArn\"? Known arguments: jobName, "));
    }

    @Test
    void unrelatedUnknownArgumentHasNoSuggestion() {
        assertThatThrownBy(() -> JobDescription.parse("colour: blue\n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors().get(0))
                        .startsWith("Unknown argument \"colour\". Known arguments: jobName, baseJobName, "));
    }

    @Test
    void unknownChannelArgumentNamesItsPath() {
        String yaml = """
                channels:
                  - name: train
                    s3uri: s3://example-bucket/train/
                """;

        assertThatThrownBy(() -> JobDescription.parse(yaml, "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "Unknown argument \"channels[0].s3uri\". Did you mean \"s3Uri\"? Known channel arguments: "
                                + "name, s3Uri, localPath, contentType, compressionType, recordWrapperType, s3DataType, "
                                + "s3DataDistributionType, inputMode."));
    }

    @Test
    void unknownTagArgumentIsReported() {
        String yaml = """
                tags:
                  - name: team
                    value: ml
                """;

        assertThatThrownBy(() -> JobDescription.parse(yaml, "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "Unknown argument \"tags[0].name\". Known tag arguments: key, value."));
    }

    @Test
    void badEnumNamesArgumentValueAndAllowedValues() {
        String yaml = """
                trainingInputMode: Stream
                channels:
                  - name: train
                    s3Uri: s3://example-bucket/train/
                    compressionType: zip
                """;

        assertThatThrownBy(() -> JobDescription.parse(yaml, "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "trainingInputMode \"Stream\" is invalid: use one of File, Pipe, FastFile.",
                        "channels[0].compressionType \"zip\" is invalid: use one of None, Gzip."));
    }

    @Test
    void badUnitNamesArgument() {
        assertThatThrownBy(() -> JobDescription.parse("maxWait: 2\nmaxWaitUnit: weeks\n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "maxWaitUnit \"weeks\" is invalid: use one of SECONDS, MINUTES, HOURS, DAYS."));
    }

    @Test
    void badNumbersAndBooleansAreReported() {
        String yaml = """
                instanceCount: two
                maxRuntime: 1.5
                useSpotInstances: maybe
                """;

        assertThatThrownBy(() -> JobDescription.parse(yaml, "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "instanceCount \"two\" is invalid: use a whole number such as 2 (at most 2,147,483,647).",
                        "maxRuntime \"1.5\" is invalid: use a whole number such as 3.",
                        "useSpotInstances \"maybe\" is invalid: use true or false."));
    }

    @Test
    void credentialsIdIsRejectedAsJenkinsOnly() {
        assertThatThrownBy(() -> JobDescription.parse("credentialsId: aws-prod\n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "Argument \"credentialsId\" applies only to the Jenkins step: remove it from the job "
                                + "description."));
    }

    @Test
    void wrongShapesAreReported() {
        String yaml = """
                jobName: [a, b]
                channels: train
                hyperparameters: 5
                environment:
                  LOG_LEVEL: [debug]
                """;

        assertThatThrownBy(() -> JobDescription.parse(yaml, "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "jobName must be a single value, not a list.",
                        "environment.LOG_LEVEL must be a single value, not a list.",
                        "hyperparameters must be a list of {name, value} objects or an object of name-value pairs, "
                                + "not the single value \"5\".",
                        "channels must be a list of channel objects such as {name: train, s3Uri: "
                                + "s3://example-bucket/train}."));
    }

    @Test
    void maxWaitUnitWithoutMaxWaitIsReported() {
        assertThatThrownBy(() -> JobDescription.parse("maxWaitUnit: HOURS\n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "maxWaitUnit HOURS is set without maxWait: set maxWait or remove maxWaitUnit."));
    }

    @Test
    void pollIntervalsAreChecked() {
        assertThatThrownBy(() -> JobDescription.parse("pollIntervalSeconds: 0\n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "pollIntervalSeconds 0 is invalid: use at least 1 second."));
        assertThatThrownBy(() -> JobDescription.parse("pollIntervalSeconds: 30\nmaxPollIntervalSeconds: 10\n", "j.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "maxPollIntervalSeconds 10 is invalid: use at least pollIntervalSeconds (30)."));
    }

    @Test
    void jsonWithByteOrderMarkIsRead() {
        JobDescription description = JobDescription.parse("\uFEFF{\"baseJobName\": \"nightly\"}", "job.json");

        assertThat(description.getSpec().getBaseJobName()).isEqualTo("nightly");
    }

    @Test
    void downloadPathOutsideWorkspaceIsReported() {
        assertThatThrownBy(() -> JobDescription.parse("modelDownloadPath: ../up\n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "modelDownloadPath \"../up\" is invalid: use a folder inside the workspace, relative to it, "
                                + "such as model."));
    }

    @Test
    void endpointMustBeHttpUrl() {
        assertThatThrownBy(() -> JobDescription.parse("endpointUrl: 127.0.0.1:4566\n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "endpointUrl \"127.0.0.1:4566\" is invalid: use an absolute http or https URL such as "
                                + "http://127.0.0.1:8080."));
    }

    @Test
    void duplicateKeyIsReported() {
        assertThatThrownBy(() -> JobDescription.parse("jobName: a\nroleArn: x\njobName: b\n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "\"jobName\" appears twice in one object, again at line 3, column 1: keep one."));
    }

    @Test
    void syntaxErrorNamesLine() {
        assertThatThrownBy(() -> JobDescription.parse("{\n  \"jobName\": \"a\",\n  oops\n}", "job.json"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> {
                    assertThat(e.getErrors()).singleElement().asString()
                            .startsWith("The JSON syntax is invalid at line 3, column ");
                    assertThat(e.getMessage()).startsWith("Job description job.json is invalid:" + System.lineSeparator()
                            + "- The JSON syntax is invalid at line 3");
                });
    }

    @Test
    void emptyDocumentIsReported() {
        assertThatThrownBy(() -> JobDescription.parse("  \n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "The document is empty: write an object of arguments such as jobName, roleArn and channels."));
    }

    @Test
    void topLevelListIsReported() {
        assertThatThrownBy(() -> JobDescription.parse("- jobName: a\n", "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> assertThat(e.getErrors()).containsExactly(
                        "The document must be an object of arguments, not a list."));
    }

    @Test
    void everyErrorIsReportedAtOnce() {
        String yaml = """
                instanceTyp: ml.m5.xlarge
                instanceCount: many
                trainingInputMode: Stream
                credentialsId: aws
                """;

        assertThatThrownBy(() -> JobDescription.parse(yaml, "job.yaml"))
                .isInstanceOfSatisfying(JobDescriptionException.class, e -> {
                    assertThat(e.getErrors()).hasSize(4);
                    assertThat(e.getMessage().lines()).hasSize(5);
                });
    }

    @Test
    void readPicksFormatFromFileName(@TempDir Path directory) throws IOException {
        Path file = directory.resolve("job.yml");
        Files.writeString(file, "hyperparameters:\n  eta: 0.10\n");

        JobDescription description = JobDescription.read(file);

        assertThat(description.getSpec().getHyperparameters()).containsExactly(NameValue.of("eta", "0.10"));
    }

    @Test
    void metricDefinitionsAcceptObjectForm() {
        TrainingJobSpec spec = JobDescription.parse("metricDefinitions:\n  rmse: 'rmse=([0-9.]+)'\n", "job.yaml")
                .getSpec();

        assertThat(spec.getMetricDefinitions()).containsExactly(MetricDefinition.of("rmse", "rmse=([0-9.]+)"));
    }

    @Test
    void environmentListFormKeepsOrder() {
        String yaml = """
                environment:
                  - {name: B, value: "2"}
                  - {name: A, value: "1"}
                """;

        List<NameValue> environment = JobDescription.parse(yaml, "job.yaml").getSpec().getEnvironment();

        assertThat(environment).containsExactly(NameValue.of("B", "2"), NameValue.of("A", "1"));
    }

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(Objects.requireNonNull(JobDescriptionTest.class.getResource("/" + name), name).toURI());
    }
}
