package io.jenkins.plugins.sagemaker.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Handler of one AWS JSON 1.1 operation: takes the request body, returns the response body or throws {@link ApiException}. */
@FunctionalInterface
public interface Operation {

    ObjectNode handle(JsonNode request);
}
