package io.jenkins.plugins.sagemaker.emulator.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.time.Instant;

/** JSON helpers for the AWS JSON 1.1 wire format. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Returns epoch seconds with millisecond fraction, the timestamp format of AWS JSON 1.1 responses. */
    public static BigDecimal epochSeconds(Instant instant) {
        return BigDecimal.valueOf(instant.toEpochMilli(), 3);
    }

    /** Puts a timestamp as epoch seconds, or nothing when it is null. */
    public static void putTimestamp(ObjectNode node, String member, Instant instant) {
        if (instant != null) {
            node.put(member, epochSeconds(instant));
        }
    }

    /** Reads an epoch-seconds timestamp member, or returns null when it is absent. */
    public static Instant timestamp(JsonNode request, String member, String memberPath) {
        JsonNode value = request.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw ApiException.constraint(value.asText(), memberPath, "Member must be a timestamp in epoch seconds");
        }
        return Instant.ofEpochMilli(value.decimalValue().movePointRight(3).longValue());
    }

    /** Reads an optional string member, rejecting a non-string value. */
    public static String text(JsonNode request, String member, String memberPath) {
        JsonNode value = request.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw ApiException.constraint(value.toString(), memberPath, "Member must be a string");
        }
        return value.asText();
    }

    /** Reads an optional integer member, rejecting a non-integer value. */
    public static Integer integer(JsonNode request, String member, String memberPath) {
        JsonNode value = request.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw ApiException.constraint(value.toString(), memberPath, "Member must be an integer");
        }
        return value.intValue();
    }

    /** Reads an optional long member, rejecting a non-integer value. */
    public static Long longValue(JsonNode request, String member, String memberPath) {
        JsonNode value = request.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToLong()) {
            throw ApiException.constraint(value.toString(), memberPath, "Member must be an integer");
        }
        return value.longValue();
    }

    /** Reads an optional boolean member, rejecting a non-boolean value. */
    public static Boolean bool(JsonNode request, String member, String memberPath) {
        JsonNode value = request.get(member);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiException.constraint(value.toString(), memberPath, "Member must be a boolean");
        }
        return value.booleanValue();
    }
}
