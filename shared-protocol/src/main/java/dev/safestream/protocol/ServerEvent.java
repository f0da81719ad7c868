package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * A frame the server sends to clients. The {@code type} field names the record; fields that are {@code null} are left
 * out of the JSON. Clients must ignore fields and types they do not know, so the server can add both without breaking
 * them.
 *
 * <p>A client that connects with {@code batch=1} may receive a JSON array of events in one frame; everyone else gets
 * exactly one event object per frame.
 *
 * <p>{@link MessageModerated}, {@link MessageHeld} and {@link ReviewDecided} go only to connections whose role may
 * moderate; everything else goes to whoever may see it.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = ChatPosted.class, name = "chat"),
    @JsonSubTypes.Type(value = GiftSent.class, name = "gift"),
    @JsonSubTypes.Type(value = MetricsPublished.class, name = "metrics"),
    @JsonSubTypes.Type(value = UserMuted.class, name = "muted"),
    @JsonSubTypes.Type(value = UserUnmuted.class, name = "unmuted"),
    @JsonSubTypes.Type(value = ErrorReported.class, name = "error"),
    @JsonSubTypes.Type(value = SessionStarted.class, name = "welcome"),
    @JsonSubTypes.Type(value = Pong.class, name = "pong"),
    @JsonSubTypes.Type(value = MessageModerated.class, name = "moderated"),
    @JsonSubTypes.Type(value = MessageHeld.class, name = "held"),
    @JsonSubTypes.Type(value = ReviewDecided.class, name = "decided"),
    @JsonSubTypes.Type(value = MessageDeleted.class, name = "message_deleted"),
    @JsonSubTypes.Type(value = MessagesCleared.class, name = "messages_cleared"),
    @JsonSubTypes.Type(value = UserWarned.class, name = "warned"),
    @JsonSubTypes.Type(value = MessagePinned.class, name = "message_pinned"),
    @JsonSubTypes.Type(value = MessageUnpinned.class, name = "message_unpinned")
})
@JsonInclude(JsonInclude.Include.NON_NULL)
public sealed interface ServerEvent
        permits ChatPosted,
                GiftSent,
                MetricsPublished,
                UserMuted,
                UserUnmuted,
                ErrorReported,
                SessionStarted,
                Pong,
                MessageModerated,
                MessageHeld,
                ReviewDecided,
                MessageDeleted,
                MessagesCleared,
                UserWarned,
                MessagePinned,
                MessageUnpinned {}
