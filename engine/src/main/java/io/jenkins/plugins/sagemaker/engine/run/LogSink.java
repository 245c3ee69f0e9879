package io.jenkins.plugins.sagemaker.engine.run;

import java.io.PrintStream;

/**
 * Receives the lines a person reads while a training run proceeds: short sentences, one event per
 * line. The Jenkins plugin writes them to the build console, the command-line runner to stdout.
 */
public interface LogSink {

    void info(String line);

    void warn(String line);

    /** Returns a sink that prints to {@code out}, warnings prefixed with {@code WARNING: }. */
    static LogSink printingTo(PrintStream out) {
        return new LogSink() {
            @Override
            public void info(String line) {
                out.println(line);
            }

            @Override
            public void warn(String line) {
                out.println("WARNING: " + line);
            }
        };
    }
}
