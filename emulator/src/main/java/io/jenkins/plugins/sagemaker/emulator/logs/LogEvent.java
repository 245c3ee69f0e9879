package io.jenkins.plugins.sagemaker.emulator.logs;

/** One log event: timestamp in epoch milliseconds and the message without a trailing newline. */
public record LogEvent(long timestamp, String message) {
}
