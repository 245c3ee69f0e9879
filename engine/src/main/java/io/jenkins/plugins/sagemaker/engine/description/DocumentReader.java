package io.jenkins.plugins.sagemaker.engine.description;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a JSON or YAML document into maps (in document order), lists and {@link Scalar}s. Scalars keep
 * their source text, so {@code eta: 0.10} stays {@code 0.10} rather than becoming the double 0.1.
 */
final class DocumentReader {

    /** Document formats. */
    enum Format {
        JSON,
        YAML
    }

    /**
     * A scalar value with its text exactly as written (without quotes) and whether the parser read it
     * as a boolean.
     */
    record Scalar(String text, JsonToken token) {

        boolean isBoolean() {
            return token == JsonToken.VALUE_TRUE || token == JsonToken.VALUE_FALSE;
        }
    }

    private static final JsonFactory JSON = new JsonFactory();
    private static final YAMLFactory YAML = new YAMLFactory();

    private DocumentReader() {
    }

    /**
     * Picks the format from the file name's extension ({@code .json}, {@code .yaml}, {@code .yml}), or
     * else from the content: JSON when its first non-blank character is <code>{</code>.
     */
    static Format detectFormat(String sourceName, String content) {
        String name = sourceName == null ? "" : sourceName.toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) {
            return Format.JSON;
        }
        if (name.endsWith(".yaml") || name.endsWith(".yml")) {
            return Format.YAML;
        }
        String start = content.stripLeading();
        if (start.startsWith("\uFEFF")) {
            start = start.substring(1).stripLeading();
        }
        return start.startsWith("{") ? Format.JSON : Format.YAML;
    }

    /**
     * Reads one document. Returns null for an empty document.
     *
     * @throws DocumentException on a syntax error or a key that appears twice in one object
     */
    static Object read(String content, Format format) {
        JsonFactory factory = format == Format.JSON ? JSON : YAML;
        // Editors on Windows may save a byte order mark, which the JSON parser would reject as a character.
        String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return null;
            }
            Object value = readValue(parser);
            if (parser.nextToken() != null) {
                throw new DocumentException("more than one document or value found at "
                        + location(parser.currentLocation()) + ": keep one document per file");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new DocumentException("the " + format + " syntax is invalid at " + location(e.getLocation())
                    + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            // A String source does no I/O, so only a parser defect gets here.
            throw new DocumentException("failed to read the " + format + " document: " + e.getMessage());
        }
    }

    private static Object readValue(JsonParser parser) throws IOException {
        JsonToken token = parser.currentToken();
        switch (token) {
            case START_OBJECT:
                return readObject(parser);
            case START_ARRAY:
                List<Object> list = new ArrayList<>();
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    list.add(readValue(parser));
                }
                return list;
            case VALUE_NULL:
                return null;
            default:
                return new Scalar(parser.getText(), token);
        }
    }

    private static Map<String, Object> readObject(JsonParser parser) throws IOException {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String key = parser.currentName();
            JsonLocation keyLocation = parser.currentTokenLocation();
            parser.nextToken();
            Object value = readValue(parser);
            if (object.containsKey(key)) {
                throw new DocumentException("\"" + key + "\" appears twice in one object, again at "
                        + location(keyLocation) + ": keep one");
            }
            object.put(key, value);
        }
        return object;
    }

    private static String location(JsonLocation location) {
        if (location == null) {
            return "an unknown position";
        }
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    /** A document that cannot be read; the message is a sentence fragment that starts in lowercase. */
    static final class DocumentException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        DocumentException(String message) {
            super(message);
        }
    }
}
