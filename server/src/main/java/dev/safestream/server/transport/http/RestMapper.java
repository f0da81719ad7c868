package dev.safestream.server.transport.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.safestream.protocol.ProtocolJson;
import jakarta.ws.rs.ext.ContextResolver;

/**
 * The mapper of REST bodies: Jersey's default (every Jackson module on the class path; unknown fields refused) plus
 * {@link ProtocolJson#safeTextModule()}, so client text sent over REST (gift {@code from}, reasons) is cleaned at the
 * edge like chat text. Instants are written as ISO-8601 text, as on the WebSocket; a client that sends the epoch
 * seconds the first version wrote is still understood (Jackson reads both). A class, not a lambda: Jersey picks a context resolver
 * by its generic type, which a lambda does not keep (the lambda registered here before was silently ignored).
 */
final class RestMapper implements ContextResolver<ObjectMapper> {
    private final ObjectMapper mapper = JsonMapper.builder()
            .findAndAddModules()
            .addModule(ProtocolJson.safeTextModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }
}
