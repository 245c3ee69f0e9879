package io.jenkins.plugins.sagemaker.engine.logs;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * Console that receives the relayed log lines and the relay's own warnings.
 *
 * <p>The job follower adapts its own sink to this interface. Each call gets one console line without
 * a line terminator.
 */
public interface LogLineSink {

    /** Prints one line of the job's log, already prefixed with its host. */
    void line(String line);

    /** Prints a warning of the relay itself, for example that log relay is turned off. */
    void warn(String message);

    /** Returns a sink that passes lines to {@code line} and warnings to {@code warn}. */
    static LogLineSink of(Consumer<String> line, Consumer<String> warn) {
        Objects.requireNonNull(line, "line");
        Objects.requireNonNull(warn, "warn");
        return new LogLineSink() {
            @Override
            public void line(String text) {
                line.accept(text);
            }

            @Override
            public void warn(String message) {
                warn.accept(message);
            }
        };
    }
}
