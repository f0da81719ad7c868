package dev.safestream.server.chat;

import dev.safestream.protocol.ChatPosted;
import java.util.List;

/** Durable chat history. Implemented by persistence. */
public interface MessageRepository {
    /** Stores messages in one transaction; returns only after they are durable. */
    void saveAll(List<ChatPosted> messages);

    /** Highest id stored, or 0. */
    long maxId();

    /** Newest messages of a channel that everyone saw (not blocked, not held), oldest first. */
    List<ChatPosted> recentVisible(String channel, int limit);
}
