package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A frame a client sends to the server over {@code /ws/{username}}. The set is closed: the {@code type} field names
 * the record, and anything else is answered with an {@link ErrorReported} whose {@code error} is
 * {@link ProtocolException.Kind#UNKNOWN_TYPE}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = SendChat.class, name = "chat"),
    @JsonSubTypes.Type(value = Ping.class, name = "ping"),
    @JsonSubTypes.Type(value = AcknowledgeWarning.class, name = "acknowledge_warning")
})
public sealed interface ClientCommand permits SendChat, Ping, AcknowledgeWarning {}
