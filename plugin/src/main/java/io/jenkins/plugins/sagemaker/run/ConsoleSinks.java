package io.jenkins.plugins.sagemaker.run;

import hudson.model.TaskListener;
import io.jenkins.plugins.sagemaker.engine.logs.LogLineSink;
import io.jenkins.plugins.sagemaker.engine.run.LogSink;
import java.io.PrintStream;

/** Adapts the engine's line sinks to a build's console. */
public final class ConsoleSinks {

    private static final String PREFIX = "[SageMaker] ";

    private ConsoleSinks() {
    }

    /** Returns a sink for the engine's status lines; warnings get a "WARNING:" mark. */
    public static LogSink status(TaskListener listener) {
        PrintStream out = listener.getLogger();
        return new LogSink() {
            @Override
            public void info(String line) {
                out.println(PREFIX + line);
            }

            @Override
            public void warn(String line) {
                out.println(PREFIX + "WARNING: " + line);
            }
        };
    }

    /** Returns a sink for the training container's CloudWatch log lines, printed unchanged. */
    public static LogLineSink containerLog(TaskListener listener) {
        PrintStream out = listener.getLogger();
        return LogLineSink.of(out::println, message -> out.println(PREFIX + "WARNING: " + message));
    }
}
