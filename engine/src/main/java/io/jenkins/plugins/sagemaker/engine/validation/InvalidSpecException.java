package io.jenkins.plugins.sagemaker.engine.validation;

import java.util.List;

/** Thrown when a training job specification has problems; the message lists each on its own line. */
public class InvalidSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final List<ValidationProblem> problems;

    public InvalidSpecException(List<ValidationProblem> problems) {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    /** Returns every problem found, in the order of the specification's fields. */
    public List<ValidationProblem> getProblems() {
        return problems;
    }

    private static String describe(List<ValidationProblem> problems) {
        StringBuilder text = new StringBuilder("The training job specification is invalid (")
                .append(problems.size())
                .append(problems.size() == 1 ? " problem):" : " problems):");
        for (ValidationProblem problem : problems) {
            text.append(System.lineSeparator()).append("- ").append(problem.message());
        }
        return text.toString();
    }
}
