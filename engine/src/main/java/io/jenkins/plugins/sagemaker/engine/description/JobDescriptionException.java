package io.jenkins.plugins.sagemaker.engine.description;

import java.util.List;

/** Thrown when a job description cannot be read; the message lists each error on its own line. */
public class JobDescriptionException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<String> errors;

    public JobDescriptionException(String source, List<String> errors) {
        super(describe(source, errors));
        this.errors = List.copyOf(errors);
    }

    /** Returns every error found, each one sentence. */
    public List<String> getErrors() {
        return errors;
    }

    private static String describe(String source, List<String> errors) {
        StringBuilder text = new StringBuilder("Job description ").append(source).append(" is invalid:");
        for (String error : errors) {
            text.append(System.lineSeparator()).append("- ").append(error);
        }
        return text.toString();
    }
}
