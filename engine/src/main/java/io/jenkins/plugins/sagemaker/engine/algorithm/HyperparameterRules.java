package io.jenkins.plugins.sagemaker.engine.algorithm;

import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmProblems.invalidValue;
import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmProblems.unsupported;

import io.jenkins.plugins.sagemaker.engine.spec.NameValue;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.sagemaker.model.HyperParameterSpecification;
import software.amazon.awssdk.services.sagemaker.model.ParameterRange;
import software.amazon.awssdk.services.sagemaker.model.TrainingSpecification;

/**
 * Checks a job's hyperparameters against the algorithm's {@code SupportedHyperParameters}: known
 * names, values of the declared type (Integer, Continuous, Categorical or FreeText) within the
 * declared range, and every required one set. The rules match the client-side checks of the
 * SageMaker Python SDK's {@code AlgorithmEstimator}: every name must be declared, and a required
 * hyperparameter with a DefaultValue may be left out.
 */
final class HyperparameterRules {

    private static final Logger LOGGER = Logger.getLogger(HyperparameterRules.class.getName());
    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");

    private final String algorithm;
    private final Map<String, HyperParameterSpecification> declared = new LinkedHashMap<>();

    HyperparameterRules(TrainingSpecification training, String algorithm) {
        this.algorithm = algorithm;
        if (training.hasSupportedHyperParameters()) {
            for (HyperParameterSpecification parameter : training.supportedHyperParameters()) {
                declared.put(parameter.name(), parameter);
            }
        }
    }

    void check(List<NameValue> hyperparameters, List<ValidationProblem> problems) {
        if (declared.isEmpty()) {
            // SupportedHyperParameters is optional (required only for tuning), so its absence does
            // not tell which hyperparameters the container reads.
            return;
        }
        Set<String> givenNames = new HashSet<>();
        for (int i = 0; i < hyperparameters.size(); i++) {
            String name = hyperparameters.get(i).getName();
            if (name == null || name.isEmpty()) {
                continue;
            }
            givenNames.add(name);
            HyperParameterSpecification declaration = declared.get(name);
            if (declaration == null) {
                problems.add(unsupported("hyperparameters[" + i + "].name", name, algorithm, null, declared.keySet()));
            } else {
                checkValue(name, hyperparameters.get(i).getValue(), declaration, problems);
            }
        }
        for (HyperParameterSpecification declaration : declared.values()) {
            boolean required = Boolean.TRUE.equals(declaration.isRequired()) && declaration.defaultValue() == null;
            if (required && !givenNames.contains(declaration.name())) {
                problems.add(AlgorithmProblems.missing("hyperparameters[" + declaration.name() + "]",
                        "set it, because algorithm " + algorithm + " requires it", expected(declaration)));
            }
        }
    }

    /** Returns the declared hyperparameters that {@code hyperparameters} leaves out and that have a DefaultValue. */
    List<NameValue> defaultsNotGiven(List<NameValue> hyperparameters) {
        Set<String> givenNames = new HashSet<>();
        hyperparameters.forEach(entry -> givenNames.add(entry.getName()));
        List<NameValue> defaults = new ArrayList<>();
        for (HyperParameterSpecification declaration : declared.values()) {
            if (declaration.defaultValue() != null && !givenNames.contains(declaration.name())) {
                defaults.add(NameValue.of(declaration.name(), declaration.defaultValue()));
            }
        }
        return defaults;
    }

    private void checkValue(String name, String value, HyperParameterSpecification declaration,
            List<ValidationProblem> problems) {
        if (value == null) {
            // SpecValidator reports a missing value.
            return;
        }
        String field = "hyperparameters[" + name + "].value";
        String type = declaration.typeAsString();
        ParameterRange range = declaration.range();
        if ("Integer".equals(type) || "Continuous".equals(type)) {
            boolean integer = "Integer".equals(type);
            BigDecimal number = parseNumber(value.strip(), integer);
            if (number == null) {
                problems.add(invalidValue(field, value, "invalid", algorithm, expected(declaration)));
            } else if (!inRange(number, range, integer)) {
                problems.add(invalidValue(field, value, "out of range", algorithm, expected(declaration)));
            }
        } else if ("Categorical".equals(type)) {
            List<String> values = categoricalValues(range);
            if (!values.isEmpty() && !values.contains(value)) {
                problems.add(unsupported(field, value, algorithm, null, values));
            }
        }
        // FreeText accepts any text, and a type that this engine does not know is not checked.
    }

    /** Returns the number, or null when {@code text} is not an integer or a finite decimal number. */
    private static BigDecimal parseNumber(String text, boolean integer) {
        if (integer) {
            return INTEGER.matcher(text).matches() ? new BigDecimal(text) : null;
        }
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private boolean inRange(BigDecimal number, ParameterRange range, boolean integer) {
        String[] bounds = bounds(range, integer);
        BigDecimal min = bound(bounds[0]);
        BigDecimal max = bound(bounds[1]);
        return (min == null || number.compareTo(min) >= 0) && (max == null || number.compareTo(max) <= 0);
    }

    /** Returns MinValue and MaxValue of the matching range specification; either may be null. */
    private static String[] bounds(ParameterRange range, boolean integer) {
        if (range == null) {
            return new String[2];
        }
        if (integer && range.integerParameterRangeSpecification() != null) {
            return new String[] {range.integerParameterRangeSpecification().minValue(),
                range.integerParameterRangeSpecification().maxValue()};
        }
        if (!integer && range.continuousParameterRangeSpecification() != null) {
            return new String[] {range.continuousParameterRangeSpecification().minValue(),
                range.continuousParameterRangeSpecification().maxValue()};
        }
        return new String[2];
    }

    private BigDecimal bound(String text) {
        if (text == null) {
            return null;
        }
        try {
            return new BigDecimal(text.strip());
        } catch (NumberFormatException e) {
            LOGGER.log(Level.FINE, "Algorithm {0} declares the range bound \"{1}\", which is not a number; it is not checked",
                    new Object[] {algorithm, text});
            return null;
        }
    }

    private static List<String> categoricalValues(ParameterRange range) {
        if (range == null || range.categoricalParameterRangeSpecification() == null) {
            return List.of();
        }
        return range.categoricalParameterRangeSpecification().values();
    }

    /** Describes the values a declaration accepts, such as "an integer from 1 to 100". */
    private static String expected(HyperParameterSpecification declaration) {
        String type = declaration.typeAsString();
        boolean integer = "Integer".equals(type);
        if (integer || "Continuous".equals(type)) {
            String[] bounds = bounds(declaration.range(), integer);
            String kind = integer ? "an integer" : "a number";
            if (bounds[0] != null && bounds[1] != null) {
                return kind + " from " + bounds[0] + " to " + bounds[1];
            }
            if (bounds[0] != null) {
                return kind + " of at least " + bounds[0];
            }
            if (bounds[1] != null) {
                return kind + " of at most " + bounds[1];
            }
            return kind;
        }
        if ("Categorical".equals(type)) {
            List<String> values = categoricalValues(declaration.range());
            return values.isEmpty() ? "a categorical value" : "one of " + AlgorithmProblems.join(values);
        }
        return "any text";
    }
}
