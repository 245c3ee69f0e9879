package io.jenkins.plugins.sagemaker.emulator.logs;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The plain-term subset of the CloudWatch Logs filter pattern syntax: every term must occur in the message
 * (case-sensitive), and a double-quoted term may contain spaces. JSON and space-delimited patterns, "?" and
 * "-" operators are not supported.
 */
final class FilterPattern {

    private static final Pattern TERM = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    private final List<String> terms;

    private FilterPattern(List<String> terms) {
        this.terms = terms;
    }

    static FilterPattern parse(String pattern) {
        List<String> terms = new ArrayList<>();
        if (pattern != null) {
            Matcher matcher = TERM.matcher(pattern);
            while (matcher.find()) {
                terms.add(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
            }
        }
        return new FilterPattern(terms);
    }

    boolean matches(String message) {
        for (String term : terms) {
            if (!message.contains(term)) {
                return false;
            }
        }
        return true;
    }
}
