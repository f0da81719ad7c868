package dev.safestream.server.fanout;

import java.util.Set;

/**
 * Chat messages a moderator took back: by id, or every message of one author. A channel's kept events drop the
 * matching chat events for everyone, so catch-up no longer replays them; moderator-only events stay.
 *
 * @param messageIds these messages
 * @param author every message of this user, or null
 */
public record Removal(Set<Long> messageIds, String author) {
    public Removal {
        messageIds = Set.copyOf(messageIds);
    }

    public static Removal message(long id) {
        return new Removal(Set.of(id), null);
    }

    public static Removal messagesOf(String author) {
        return new Removal(Set.of(), author);
    }

    /** Whether {@code event} is one of the removed chat messages. */
    public boolean matches(Outgoing event) {
        return event.messageId() != 0
                && (messageIds.contains(event.messageId()) || (author != null && author.equals(event.author())));
    }
}
