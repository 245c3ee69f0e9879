package io.jenkins.plugins.sagemaker.engine.run;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** Records printed lines for assertions; safe to read from the test thread while a run writes. */
final class CollectingSink implements LogSink {

    private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String line) {
        lines.add(line);
    }

    @Override
    public void warn(String line) {
        lines.add("WARN " + line);
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    List<String> warnings() {
        return lines().stream().filter(line -> line.startsWith("WARN ")).collect(Collectors.toList());
    }

    long count(String line) {
        return lines().stream().filter(line::equals).count();
    }

    boolean contains(String fragment) {
        return lines().stream().anyMatch(line -> line.contains(fragment));
    }

    @Override
    public String toString() {
        return String.join("\n", lines());
    }
}
