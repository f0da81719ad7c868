package dev.safestream.server.chat;

import dev.safestream.protocol.ChatPosted;
import dev.safestream.server.moderation.workflow.ModeratedMessage;
import java.util.List;

/** Durable chat history. Implemented by persistence. */
public interface MessageRepository {
    /** Stores messages in one transaction; returns only after they are durable. Held ones start pending. */
    void saveAll(List<ModeratedMessage> messages);

    /** Highest id stored, or 0. */
    long maxId();

    /**
     * Newest messages of a channel that viewers may see, oldest first: allowed, flagged, and held ones whose review
     * state is approved or highlighted (a later reject takes a published message out of this list).
     */
    List<ChatPosted> recentVisible(String channel, int limit);
}
