package io.jenkins.plugins.sagemaker.engine.algorithm;

import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmProblems.join;
import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmProblems.quote;
import static io.jenkins.plugins.sagemaker.engine.algorithm.AlgorithmProblems.unsupported;

import io.jenkins.plugins.sagemaker.engine.spec.ChannelSpec;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingInputMode;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import io.jenkins.plugins.sagemaker.engine.validation.ValidationProblem;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.sagemaker.model.ChannelSpecification;
import software.amazon.awssdk.services.sagemaker.model.TrainingSpecification;

/**
 * Checks a job's input mode and channels against the algorithm's {@code TrainingChannels}. A list
 * that the algorithm leaves empty or out, such as SupportedCompressionTypes, restricts nothing.
 *
 * <p>Input modes follow the SageMaker API reference: a channel without its own InputMode uses the
 * job's TrainingInputMode, and that mode is "the training input mode that the algorithm supports",
 * so it must be among the SupportedInputModes of at least one declared channel. Each channel's
 * effective mode must then be among that channel's SupportedInputModes.
 */
final class ChannelRules {

    private final TrainingJobSpec spec;
    private final String algorithm;
    private final Map<String, ChannelSpecification> declared = new LinkedHashMap<>();
    private boolean jobInputModeSupported = true;

    ChannelRules(TrainingJobSpec spec, TrainingSpecification training, String algorithm) {
        this.spec = spec;
        this.algorithm = algorithm;
        if (training.hasTrainingChannels()) {
            for (ChannelSpecification channel : training.trainingChannels()) {
                declared.put(channel.name(), channel);
            }
        }
    }

    void checkTrainingInputMode(List<ValidationProblem> problems) {
        TrainingInputMode mode = spec.getTrainingInputMode();
        Set<String> algorithmModes = new LinkedHashSet<>();
        for (ChannelSpecification channel : declared.values()) {
            algorithmModes.addAll(channel.supportedInputModesAsStrings());
        }
        if (mode == null || algorithmModes.isEmpty() || algorithmModes.contains(mode.wireValue())) {
            return;
        }
        jobInputModeSupported = false;
        problems.add(unsupported("trainingInputMode", mode.wireValue(), algorithm, null, algorithmModes));
    }

    void checkChannels(List<ValidationProblem> problems) {
        if (declared.isEmpty()) {
            return;
        }
        List<ChannelSpec> channels = spec.getChannels();
        Set<String> givenNames = new HashSet<>();
        for (int i = 0; i < channels.size(); i++) {
            ChannelSpec channel = channels.get(i);
            String name = channel.getName();
            if (name == null) {
                continue;
            }
            givenNames.add(name);
            String field = "channels[" + i + "]";
            ChannelSpecification declaration = declared.get(name);
            if (declaration == null) {
                problems.add(unsupported(field + ".name", name, algorithm, null, declared.keySet()));
                continue;
            }
            checkContentType(field, channel, declaration, problems);
            checkCompressionType(field, channel, declaration, problems);
            checkInputMode(field, channel, declaration, problems);
        }
        checkRequired(givenNames, problems);
    }

    private void checkContentType(String field, ChannelSpec channel, ChannelSpecification declaration,
            List<ValidationProblem> problems) {
        String contentType = channel.getContentType();
        List<String> supported = declaration.supportedContentTypes();
        // A channel without a content type sends none, so there is nothing to compare.
        if (contentType != null && !supported.isEmpty() && !supported.contains(contentType)) {
            problems.add(unsupported(field + ".contentType", contentType, algorithm, channel.getName(), supported));
        }
    }

    private void checkCompressionType(String field, ChannelSpec channel, ChannelSpecification declaration,
            List<ValidationProblem> problems) {
        // The request always sends CompressionType, "None" included.
        String compression = channel.getCompressionType().wireValue();
        List<String> supported = declaration.supportedCompressionTypesAsStrings();
        if (!supported.isEmpty() && !supported.contains(compression)) {
            problems.add(unsupported(field + ".compressionType", compression, algorithm, channel.getName(), supported));
        }
    }

    private void checkInputMode(String field, ChannelSpec channel, ChannelSpecification declaration,
            List<ValidationProblem> problems) {
        List<String> supported = declaration.supportedInputModesAsStrings();
        TrainingInputMode own = channel.getInputMode();
        if (own != null) {
            if (!supported.isEmpty() && !supported.contains(own.wireValue())) {
                problems.add(unsupported(field + ".inputMode", own.wireValue(), algorithm, channel.getName(), supported));
            }
            return;
        }
        TrainingInputMode inherited = spec.getTrainingInputMode();
        // An unsupported job-level mode is reported once, at trainingInputMode.
        if (inherited == null || !jobInputModeSupported || supported.isEmpty()
                || supported.contains(inherited.wireValue())) {
            return;
        }
        String limit = "one of " + join(supported);
        problems.add(AlgorithmProblems.other(field + ".inputMode", inherited.wireValue(), limit,
                field + ".inputMode is not set, so channel " + channel.getName() + " uses trainingInputMode "
                        + quote(inherited.wireValue()) + ", which algorithm " + algorithm
                        + " does not support for that channel: set " + field + ".inputMode to " + limit + "."));
    }

    private void checkRequired(Set<String> givenNames, List<ValidationProblem> problems) {
        List<String> required = declared.values().stream()
                .filter(channel -> Boolean.TRUE.equals(channel.isRequired()))
                .map(ChannelSpecification::name)
                .toList();
        for (String name : required) {
            if (!givenNames.contains(name)) {
                problems.add(AlgorithmProblems.missing("channels[" + name + "]",
                        "add a channel named " + name + ", because algorithm " + algorithm + " requires it",
                        "required channels: " + join(required)));
            }
        }
    }
}
