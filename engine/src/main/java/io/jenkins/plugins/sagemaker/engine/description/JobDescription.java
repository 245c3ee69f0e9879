package io.jenkins.plugins.sagemaker.engine.description;

import io.jenkins.plugins.sagemaker.engine.description.DocumentReader.DocumentException;
import io.jenkins.plugins.sagemaker.engine.description.DocumentReader.Format;
import io.jenkins.plugins.sagemaker.engine.spec.TrainingJobSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A job description for the command-line runner: a JSON or YAML document with the same argument
 * names as the {@code sagemakerTrain} pipeline step, split into the job specification, the connection
 * settings and the run options.
 *
 * <p>{@code hyperparameters} and {@code environment} take a list of {@code {name, value}} objects or one
 * object of name-value pairs, {@code tags} a list of {@code {key, value}} objects or one object, and
 * both keep document order. Scalar values keep their text as written, so {@code eta: 0.10} stays
 * {@code 0.10}. Parsing checks names, types and enum values. It does not apply SageMaker's limits:
 * pass {@link #getSpec()} to {@code SpecValidator} for that.
 */
public final class JobDescription {

    private final TrainingJobSpec spec;
    private final ConnectionSettings connection;
    private final RunOptions runOptions;

    JobDescription(TrainingJobSpec spec, ConnectionSettings connection, RunOptions runOptions) {
        this.spec = Objects.requireNonNull(spec);
        this.connection = Objects.requireNonNull(connection);
        this.runOptions = Objects.requireNonNull(runOptions);
    }

    /**
     * Reads a job description file as UTF-8. The format follows the extension ({@code .json},
     * {@code .yaml}, {@code .yml}), or else the content.
     *
     * @throws IOException if the file cannot be read
     * @throws JobDescriptionException listing every error in the document
     */
    public static JobDescription read(Path file) throws IOException {
        String content = Files.readString(file, StandardCharsets.UTF_8);
        return parse(content, file.toString());
    }

    /**
     * Parses a job description.
     *
     * @param sourceName the file name, used to pick the format by extension and in messages. Without a
     *     known extension, a document that starts with <code>{</code> is read as JSON, else as YAML
     * @throws JobDescriptionException listing every error in the document
     */
    public static JobDescription parse(String content, String sourceName) {
        String source = sourceName == null ? "(text)" : sourceName;
        Format format = DocumentReader.detectFormat(sourceName, content);
        Object document;
        try {
            document = DocumentReader.read(content, format);
        } catch (DocumentException e) {
            throw new JobDescriptionException(source, List.of(capitalize(e.getMessage()) + "."));
        }

        DescriptionParser parser = new DescriptionParser();
        JobDescription description = parser.parse(document);
        if (description == null) {
            throw new JobDescriptionException(source, parser.errors());
        }
        return description;
    }

    public TrainingJobSpec getSpec() {
        return spec;
    }

    public ConnectionSettings getConnection() {
        return connection;
    }

    public RunOptions getRunOptions() {
        return runOptions;
    }

    /** Returns every argument name that a job description accepts, in documentation order. */
    public static List<String> argumentNames() {
        return Arguments.TOP_LEVEL;
    }

    private static String capitalize(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
