package io.jenkins.plugins.sagemaker.emulator.sagemaker;

import java.util.regex.Pattern;

/** A metric definition: its name and the regular expression whose first group captures the value. */
record MetricDefinition(String name, Pattern regex) {
}
