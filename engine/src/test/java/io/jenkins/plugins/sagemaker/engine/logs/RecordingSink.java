package io.jenkins.plugins.sagemaker.engine.logs;

import java.util.ArrayList;
import java.util.List;

/** Console of the tests: keeps every line and warning in order. */
final class RecordingSink implements LogLineSink {
    final List<String> lines = new ArrayList<>();
    final List<String> warnings = new ArrayList<>();

    @Override
    public void line(String line) {
        lines.add(line);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }
}
