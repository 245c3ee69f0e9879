package io.jenkins.plugins.sagemaker.emulator.sagemaker;

import com.fasterxml.jackson.databind.JsonNode;
import io.jenkins.plugins.sagemaker.emulator.protocol.ApiException;
import io.jenkins.plugins.sagemaker.emulator.protocol.Json;

/** Members shared by the SageMaker List operations. */
final class ListRequests {

    private ListRequests() {
    }

    /** Reads MaxResults (1 to limit), or returns the default when it is absent. */
    static int maxResults(JsonNode request, int defaultValue, int limit) {
        Integer maxResults = Json.integer(request, "MaxResults", "maxResults");
        if (maxResults == null) {
            return defaultValue;
        }
        if (maxResults < 1 || maxResults > limit) {
            throw ApiException.constraint(maxResults, "maxResults",
                    "Member must have value between 1 and " + limit);
        }
        return maxResults;
    }

    /** Reads SortOrder: Ascending (the default) or Descending. */
    static boolean descending(String sortOrder) {
        if (sortOrder == null || sortOrder.equals("Ascending")) {
            return false;
        }
        if (sortOrder.equals("Descending")) {
            return true;
        }
        throw ApiException.constraint(sortOrder, "sortOrder", "Member must satisfy enum value set: [Ascending, Descending]");
    }
}
