package io.jenkins.plugins.sagemaker.emulator.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sagemaker.emulator.AlgorithmDefinition;
import io.jenkins.plugins.sagemaker.emulator.EmulatorClock;
import io.jenkins.plugins.sagemaker.emulator.protocol.ApiException;
import io.jenkins.plugins.sagemaker.emulator.protocol.Json;
import io.jenkins.plugins.sagemaker.emulator.protocol.PageTokens;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Registered SageMaker algorithms and the DescribeAlgorithm and ListAlgorithms operations. */
public final class AlgorithmRegistry {

    /** An algorithm with the ARN and creation time the registry gave it. */
    public record RegisteredAlgorithm(AlgorithmDefinition definition, String arn, Instant creationTime) {

        public ObjectNode trainingSpecification() {
            return definition.trainingSpecification();
        }

        public boolean isMarketplace() {
            return definition.productId().isPresent();
        }
    }

    private static final Pattern ALGORITHM_ARN = Pattern.compile("arn:aws[a-z\\-]*:sagemaker:([a-z0-9\\-]*):(\\d{12}):algorithm/(.+)");
    private static final int DEFAULT_MAX_RESULTS = 10;
    private static final int MAX_RESULTS_LIMIT = 100;

    private final String region;
    private final String accountId;
    private final EmulatorClock clock;
    private final Map<String, RegisteredAlgorithm> byArn = new LinkedHashMap<>();

    public AlgorithmRegistry(String region, String accountId, EmulatorClock clock) {
        this.region = region;
        this.accountId = accountId;
        this.clock = clock;
    }

    /** Registers an algorithm, replacing one with the same ARN. */
    public synchronized RegisteredAlgorithm register(AlgorithmDefinition definition) {
        String owner = definition.accountId().orElse(accountId);
        String arn = "arn:aws:sagemaker:" + region + ":" + owner + ":algorithm/" + definition.name().toLowerCase(Locale.ROOT);
        RegisteredAlgorithm registered = new RegisteredAlgorithm(definition, arn, clock.now());
        byArn.put(arn, registered);
        return registered;
    }

    /**
     * Finds an algorithm by ARN, or by name in the emulator's account. Names are compared without case,
     * as SageMaker does.
     */
    public synchronized Optional<RegisteredAlgorithm> find(String nameOrArn) {
        Matcher arn = ALGORITHM_ARN.matcher(nameOrArn);
        String key = arn.matches()
                ? "arn:aws:sagemaker:" + arn.group(1) + ":" + arn.group(2) + ":algorithm/" + arn.group(3).toLowerCase(Locale.ROOT)
                : "arn:aws:sagemaker:" + region + ":" + accountId + ":algorithm/" + nameOrArn.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(byArn.get(key));
    }

    /** Returns the ARN SageMaker names in its "does not exist" message for a name or ARN. */
    public String arnFor(String nameOrArn) {
        if (ALGORITHM_ARN.matcher(nameOrArn).matches()) {
            return nameOrArn;
        }
        return "arn:aws:sagemaker:" + region + ":" + accountId + ":algorithm/" + nameOrArn;
    }

    /** Handles DescribeAlgorithm. */
    public ObjectNode describeAlgorithm(JsonNode request) {
        String name = Json.text(request, "AlgorithmName", "algorithmName");
        if (name == null || name.isEmpty()) {
            throw ApiException.constraint(null, "algorithmName", "Member must not be null");
        }
        RegisteredAlgorithm algorithm = find(name)
                .orElseThrow(() -> ApiException.validation("Algorithm " + arnFor(name) + " does not exist."));
        AlgorithmDefinition definition = algorithm.definition();

        ObjectNode response = Json.object();
        response.put("AlgorithmName", definition.name());
        response.put("AlgorithmArn", algorithm.arn());
        definition.description().ifPresent(description -> response.put("AlgorithmDescription", description));
        Json.putTimestamp(response, "CreationTime", algorithm.creationTime());
        response.set("TrainingSpecification", definition.trainingSpecification());
        response.put("AlgorithmStatus", "Completed");
        ObjectNode statusDetails = response.putObject("AlgorithmStatusDetails");
        statusDetails.putArray("ValidationStatuses");
        statusDetails.putArray("ImageScanStatuses");
        definition.productId().ifPresent(productId -> response.put("ProductId", productId));
        response.put("CertifyForMarketplace", definition.certifyForMarketplace());
        return response;
    }

    /** Handles ListAlgorithms: NameContains, CreationTimeAfter/Before, SortBy Name or CreationTime, SortOrder, paging. */
    public ObjectNode listAlgorithms(JsonNode request) {
        String nameContains = Json.text(request, "NameContains", "nameContains");
        Instant after = Json.timestamp(request, "CreationTimeAfter", "creationTimeAfter");
        Instant before = Json.timestamp(request, "CreationTimeBefore", "creationTimeBefore");
        String sortBy = Json.text(request, "SortBy", "sortBy");
        String sortOrder = Json.text(request, "SortOrder", "sortOrder");
        int maxResults = ListRequests.maxResults(request, DEFAULT_MAX_RESULTS, MAX_RESULTS_LIMIT);
        int offset = PageTokens.decode(Json.text(request, "NextToken", "nextToken"), "ValidationException", "NextToken");

        Comparator<RegisteredAlgorithm> order;
        if (sortBy == null || sortBy.equals("CreationTime")) {
            order = Comparator.comparing(RegisteredAlgorithm::creationTime).thenComparing(RegisteredAlgorithm::arn);
        } else if (sortBy.equals("Name")) {
            order = Comparator.comparing((RegisteredAlgorithm algorithm) -> algorithm.definition().name());
        } else {
            throw ApiException.constraint(sortBy, "sortBy", "Member must satisfy enum value set: [Name, CreationTime]");
        }
        if (ListRequests.descending(sortOrder)) {
            order = order.reversed();
        }

        List<RegisteredAlgorithm> matching = new ArrayList<>();
        synchronized (this) {
            for (RegisteredAlgorithm algorithm : byArn.values()) {
                String name = algorithm.definition().name();
                boolean nameMatches = nameContains == null || name.toLowerCase(Locale.ROOT).contains(nameContains.toLowerCase(Locale.ROOT));
                boolean afterMatches = after == null || algorithm.creationTime().isAfter(after);
                boolean beforeMatches = before == null || algorithm.creationTime().isBefore(before);
                if (nameMatches && afterMatches && beforeMatches) {
                    matching.add(algorithm);
                }
            }
        }
        matching.sort(order);

        ObjectNode response = Json.object();
        ArrayNode summaries = response.putArray("AlgorithmSummaryList");
        int end = Math.min(matching.size(), offset + maxResults);
        for (int i = offset; i < end; i++) {
            RegisteredAlgorithm algorithm = matching.get(i);
            ObjectNode summary = summaries.addObject();
            summary.put("AlgorithmName", algorithm.definition().name());
            summary.put("AlgorithmArn", algorithm.arn());
            algorithm.definition().description().ifPresent(description -> summary.put("AlgorithmDescription", description));
            Json.putTimestamp(summary, "CreationTime", algorithm.creationTime());
            summary.put("AlgorithmStatus", "Completed");
        }
        if (end < matching.size()) {
            response.put("NextToken", PageTokens.encode(end));
        }
        return response;
    }
}
