package dev.safestream.protocol;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that turns protocol records into JSON and back. Thread-safe; share one instance.
 *
 * <p>Unknown fields are ignored in both directions so either side can add fields first. Every string read from JSON
 * is passed through {@link SafeText#clean}: this is the edge where client text enters (WebSocket frames and, through
 * the same mapper, REST bodies). A field that must stay byte-exact (a password) opts out with
 * {@code @JsonDeserialize(using = StringDeserializer.class)}.
 */
public final class ProtocolJson {
    private final ObjectMapper mapper;

    public ProtocolJson() {
        this.mapper = JsonMapper.builder()
                .addModule(new JavaTimeModule())
                .addModule(safeTextModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .build();
    }

    /** The Jackson module that passes every string read through {@link SafeText#clean}, for other mappers at an edge. */
    public static SimpleModule safeTextModule() {
        return new SimpleModule("safe-text").addDeserializer(String.class, new CleanStrings());
    }

    /** The configured mapper, for callers that serialise their own DTOs the same way (REST bodies). */
    public ObjectMapper mapper() {
        return mapper;
    }

    public String encode(ServerEvent event) {
        return write(event);
    }

    public String encode(ClientCommand command) {
        return write(command);
    }

    /** Parses one client frame, classifying what is wrong with it. */
    public ClientCommand decodeCommand(String json) throws ProtocolException {
        return read(json, ClientCommand.class);
    }

    /** Parses one server event (used by clients). */
    public ServerEvent decodeEvent(String json) throws ProtocolException {
        return read(json, ServerEvent.class);
    }

    /**
     * Parses a frame that may be one event or, for batched connections, an array of events. In an array, elements of a
     * type this client does not know are skipped (newer servers may add types); a malformed element still fails the
     * frame.
     */
    public List<ServerEvent> decodeEvents(String json) throws ProtocolException {
        String trimmed = json.stripLeading();
        if (!trimmed.startsWith("[")) {
            return List.of(decodeEvent(json));
        }
        try {
            List<ServerEvent> events = new ArrayList<>();
            for (JsonNode element : mapper.readTree(trimmed)) {
                try {
                    events.add(mapper.treeToValue(element, ServerEvent.class));
                } catch (InvalidTypeIdException unknownType) {
                    // ignore: an event type added after this client was built
                }
            }
            return events;
        } catch (JsonProcessingException e) {
            throw classify(e);
        }
    }

    private <T> T read(String json, Class<T> type) throws ProtocolException {
        try {
            T value = mapper.readValue(json, type);
            if (value == null) {
                throw new ProtocolException(ProtocolException.Kind.MALFORMED_JSON, "expected a JSON object", null);
            }
            return value;
        } catch (JsonProcessingException e) {
            throw classify(e);
        }
    }

    private static ProtocolException classify(JsonProcessingException e) {
        if (e instanceof InvalidTypeIdException typeError) {
            String id = typeError.getTypeId();
            String detail = id == null ? "missing \"type\" field" : "unknown message type \"" + id + "\"";
            return new ProtocolException(ProtocolException.Kind.UNKNOWN_TYPE, detail, e);
        }
        if (e instanceof JsonMappingException) {
            return new ProtocolException(
                    ProtocolException.Kind.INVALID_MESSAGE, "fields do not match the message type", e);
        }
        return new ProtocolException(ProtocolException.Kind.MALFORMED_JSON, "frame is not valid JSON", e);
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's own string handling (coercions included), then {@link SafeText#clean}. */
    private static final class CleanStrings extends StringDeserializer {
        private static final long serialVersionUID = 1L;

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return SafeText.clean(super.deserialize(p, ctxt));
        }
    }
}
