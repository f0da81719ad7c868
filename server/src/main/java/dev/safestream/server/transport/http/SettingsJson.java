package dev.safestream.server.transport.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.safestream.protocol.settings.ModerationSettings;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Reads a {@code PUT} body of channel moderation settings strictly: fields left out (or {@code null}) take the
 * server's defaults, unknown fields and wrong types are refused, and every failure becomes an
 * {@link IllegalArgumentException} (400) that names the field.
 */
final class SettingsJson {
    private final ObjectMapper mapper;
    private final ObjectReader reader;

    SettingsJson(ObjectMapper mapper) {
        this.mapper = mapper;
        this.reader = mapper.readerFor(ModerationSettings.class)
                .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .with(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    }

    ModerationSettings parse(String body, ModerationSettings defaults) {
        JsonNode request;
        try {
            request = body == null || body.isBlank() ? null : mapper.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Request body is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (request == null || !request.isObject()) {
            throw new IllegalArgumentException("Request body must be a JSON object of moderation settings");
        }
        ObjectNode merged = mapper.valueToTree(defaults);
        merge(merged, (ObjectNode) request);
        try {
            return reader.readValue(merged);
        } catch (ValueInstantiationException e) {
            throw e.getCause() instanceof IllegalArgumentException invalid
                    ? invalid
                    : new IllegalArgumentException(e.getOriginalMessage(), e);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException("Unknown field '" + path(e) + "'", e);
        } catch (InvalidFormatException e) {
            String allowed = e.getTargetType() != null && e.getTargetType().isEnum()
                    ? " (one of " + enumValues(e.getTargetType()) + ")"
                    : "";
            throw new IllegalArgumentException(path(e) + " has an invalid value: " + e.getValue() + allowed, e);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(path(e) + " has the wrong type", e);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("Request body is not valid JSON: " + e.getMessage(), e);
        }
    }

    /** Copies {@code from} over {@code into}: objects merge field by field, nulls keep the default, others replace. */
    private static void merge(ObjectNode into, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> fields = from.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            JsonNode value = field.getValue();
            JsonNode existing = into.get(field.getKey());
            if (value.isNull()) {
                continue;
            }
            if (value.isObject() && existing != null && existing.isObject()) {
                merge((ObjectNode) existing, (ObjectNode) value);
            } else {
                into.set(field.getKey(), value);
            }
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream()
                .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining())
                .replaceFirst("^\\.", "");
    }

    private String enumValues(Class<?> type) {
        return Arrays.stream(type.getEnumConstants())
                .map(c -> mapper.convertValue(c, String.class))
                .collect(Collectors.joining(", "));
    }
}
