package io.jenkins.plugins.sagemaker.emulator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A SageMaker algorithm resource as DescribeAlgorithm returns it. The TrainingSpecification is given as
 * JSON with the member names of the SageMaker API (TrainingImage, SupportedHyperParameters,
 * SupportedTrainingInstanceTypes, SupportsDistributedTraining, MetricDefinitions, TrainingChannels,
 * SupportedTuningJobObjectiveMetrics). A ProductId makes it an AWS Marketplace algorithm.
 */
public final class AlgorithmDefinition {

    /** Name of the algorithm that every emulator registers at start. */
    public static final String DEFAULT_ALGORITHM_NAME = "my-algorithm";

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

    private final String name;
    private final String description;
    private final String productId;
    private final String accountId;
    private final boolean certifyForMarketplace;
    private final ObjectNode trainingSpecification;

    private AlgorithmDefinition(Builder builder) {
        this.name = builder.name;
        this.description = builder.description;
        this.productId = builder.productId;
        this.accountId = builder.accountId;
        this.certifyForMarketplace = builder.certifyForMarketplace;
        this.trainingSpecification = builder.trainingSpecification;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns {@code my-algorithm}: channel {@code training} (required; text/csv and
     * application/x-recordio-protobuf; None and Gzip; File and Pipe), instance types ml.c4.xlarge,
     * ml.m5.xlarge, ml.m5.2xlarge and ml.p3.2xlarge, distributed training, and the hyperparameters
     * {@code epochs} (Integer 1..100, default 10) and {@code learning_rate} (Continuous 0.0001..1.0).
     */
    public static AlgorithmDefinition defaultAlgorithm() {
        String specification = """
                {
                  "TrainingImage": "123456789012.dkr.ecr.us-east-2.amazonaws.com/my-algorithm:1.0",
                  "TrainingImageDigest": "sha256:0000000000000000000000000000000000000000000000000000000000000000",
                  "SupportedHyperParameters": [
                    {
                      "Name": "epochs",
                      "Description": "Number of passes over the training data.",
                      "Type": "Integer",
                      "Range": {"IntegerParameterRangeSpecification": {"MinValue": "1", "MaxValue": "100"}},
                      "IsTunable": true,
                      "IsRequired": false,
                      "DefaultValue": "10"
                    },
                    {
                      "Name": "learning_rate",
                      "Description": "Step size of the optimizer.",
                      "Type": "Continuous",
                      "Range": {"ContinuousParameterRangeSpecification": {"MinValue": "0.0001", "MaxValue": "1.0"}},
                      "IsTunable": true,
                      "IsRequired": false
                    }
                  ],
                  "SupportedTrainingInstanceTypes": ["ml.c4.xlarge", "ml.m5.xlarge", "ml.m5.2xlarge", "ml.p3.2xlarge"],
                  "SupportsDistributedTraining": true,
                  "MetricDefinitions": [
                    {"Name": "train:loss", "Regex": "train:loss <loss>=([0-9.eE+-]+)"}
                  ],
                  "TrainingChannels": [
                    {
                      "Name": "training",
                      "Description": "Training data.",
                      "IsRequired": true,
                      "SupportedContentTypes": ["text/csv", "application/x-recordio-protobuf"],
                      "SupportedCompressionTypes": ["None", "Gzip"],
                      "SupportedInputModes": ["File", "Pipe"]
                    }
                  ],
                  "SupportedTuningJobObjectiveMetrics": [
                    {"Type": "Minimize", "MetricName": "train:loss"}
                  ]
                }
                """;
        return builder()
                .name(DEFAULT_ALGORITHM_NAME)
                .description("Example algorithm of the emulator")
                .trainingSpecificationJson(specification)
                .build();
    }

    public String name() {
        return name;
    }

    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** AWS Marketplace product id; present only for Marketplace algorithms. */
    public Optional<String> productId() {
        return Optional.ofNullable(productId);
    }

    /** Owner account of the algorithm; empty means the emulator's own account. */
    public Optional<String> accountId() {
        return Optional.ofNullable(accountId);
    }

    public boolean certifyForMarketplace() {
        return certifyForMarketplace;
    }

    /** Returns a copy of the TrainingSpecification. */
    public ObjectNode trainingSpecification() {
        return trainingSpecification.deepCopy();
    }

    /** Builder of {@link AlgorithmDefinition}. */
    public static final class Builder {

        private String name;
        private String description;
        private String productId;
        private String accountId;
        private boolean certifyForMarketplace;
        private ObjectNode trainingSpecification;

        private Builder() {
        }

        /** Sets the AlgorithmName; SageMaker's pattern {@code [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}} applies. */
        public Builder name(String name) {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("name must match [a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}, got " + name);
            }
            this.name = name;
            return this;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets the AWS Marketplace product id, which makes this a Marketplace algorithm. */
        public Builder productId(String productId) {
            this.productId = productId;
            return this;
        }

        /** Sets the owner account used in the AlgorithmArn, for example a Marketplace seller's account. */
        public Builder accountId(String accountId) {
            if (accountId == null || !ACCOUNT_ID.matcher(accountId).matches()) {
                throw new IllegalArgumentException("accountId must be 12 digits, got " + accountId);
            }
            this.accountId = accountId;
            return this;
        }

        public Builder certifyForMarketplace(boolean certifyForMarketplace) {
            this.certifyForMarketplace = certifyForMarketplace;
            return this;
        }

        /** Sets the TrainingSpecification as a JSON object; it must contain TrainingImage. */
        public Builder trainingSpecificationJson(String json) {
            JsonNode parsed;
            try {
                parsed = MAPPER.readTree(Objects.requireNonNull(json, "json"));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("trainingSpecificationJson is not valid JSON: " + e.getOriginalMessage(), e);
            }
            if (!(parsed instanceof ObjectNode object)) {
                throw new IllegalArgumentException("trainingSpecificationJson must be a JSON object, got " + parsed.getNodeType());
            }
            if (!object.path("TrainingImage").isTextual()) {
                throw new IllegalArgumentException("trainingSpecificationJson must contain the string member TrainingImage");
            }
            this.trainingSpecification = object;
            return this;
        }

        public AlgorithmDefinition build() {
            if (name == null) {
                throw new IllegalStateException("name is missing: call name(...) before build()");
            }
            if (trainingSpecification == null) {
                throw new IllegalStateException("trainingSpecification is missing: call trainingSpecificationJson(...) before build()");
            }
            return new AlgorithmDefinition(this);
        }
    }
}
