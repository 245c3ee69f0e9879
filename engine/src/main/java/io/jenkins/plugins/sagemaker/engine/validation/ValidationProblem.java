package io.jenkins.plugins.sagemaker.engine.validation;

import java.io.Serializable;

/**
 * One problem in a training job specification.
 *
 * @param field the argument path, such as {@code channels[2].name} or {@code hyperparameters[eta].value}
 * @param rejectedValue the rejected value, shortened when very long, or null when the value is missing
 * @param limit the rule that the value breaks, such as {@code at most 64 characters}
 * @param message one sentence that names the field, the value, the fix and the limit
 */
public record ValidationProblem(String field, String rejectedValue, String limit, String message)
        implements Serializable {

    @Override
    public String toString() {
        return message;
    }
}
