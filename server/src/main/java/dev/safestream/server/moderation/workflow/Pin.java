package dev.safestream.server.moderation.workflow;

import dev.safestream.protocol.MessagePinned;
import java.time.Instant;

/** A channel's pinned message, as stored and as told to clients. */
public record Pin(String channel, long messageId, String user, String text, String pinnedBy, Instant pinnedAt) {
    public MessagePinned event() {
        return new MessagePinned(messageId, channel, user, text);
    }
}
