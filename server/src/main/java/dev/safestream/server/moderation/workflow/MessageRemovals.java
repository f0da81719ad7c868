package dev.safestream.server.moderation.workflow;

import java.time.Instant;
import java.util.Optional;

/**
 * Stored chat messages as moderators act on them: taken back (they stay stored, marked, and are no longer served), or
 * looked up to be pinned.
 */
public interface MessageRemovals {
    /** A stored message's channel and author. */
    record StoredMessage(long id, String channel, String author) {}

    Optional<StoredMessage> find(long id);

    /** The message as viewers see it, when they can: in {@code channel}, not blocked, held or deleted. */
    Optional<dev.safestream.protocol.ChatPosted> findVisible(String channel, long id);

    /** Marks the message deleted; false when it already was. */
    boolean markDeleted(long id, String by, Instant at);

    /** Marks every message of {@code user} in {@code channel} deleted; returns how many were not yet. */
    int markDeletedFrom(String channel, String user, String by, Instant at);
}
