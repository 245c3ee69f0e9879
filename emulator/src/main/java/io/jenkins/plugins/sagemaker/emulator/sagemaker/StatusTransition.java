package io.jenkins.plugins.sagemaker.emulator.sagemaker;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.jenkins.plugins.sagemaker.emulator.protocol.Json;
import java.time.Instant;

/** One entry of SecondaryStatusTransitions; the end time and message change while the status lasts. */
final class StatusTransition {

    private final String status;
    private final Instant startTime;
    private Instant endTime;
    private String statusMessage;

    StatusTransition(String status, Instant startTime, String statusMessage) {
        this.status = status;
        this.startTime = startTime;
        this.statusMessage = statusMessage;
    }

    String status() {
        return status;
    }

    Instant startTime() {
        return startTime;
    }

    void end(Instant time) {
        this.endTime = time;
    }

    void statusMessage(String message) {
        this.statusMessage = message;
    }

    ObjectNode toJson() {
        ObjectNode node = Json.object();
        node.put("Status", status);
        Json.putTimestamp(node, "StartTime", startTime);
        Json.putTimestamp(node, "EndTime", endTime);
        node.put("StatusMessage", statusMessage);
        return node;
    }
}
