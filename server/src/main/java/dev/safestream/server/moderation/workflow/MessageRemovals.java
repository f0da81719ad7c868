package dev.safestream.server.moderation.workflow;

import java.time.Instant;
import java.util.Optional;

/** Stored chat messages as moderators take them back: they stay stored, marked, and are no longer served. */
public interface MessageRemovals {
    /** A stored message's channel and author. */
    record StoredMessage(long id, String channel, String author) {}

    Optional<StoredMessage> find(long id);

    /** Marks the message deleted; false when it already was. */
    boolean markDeleted(long id, String by, Instant at);

    /** Marks every message of {@code user} in {@code channel} deleted; returns how many were not yet. */
    int markDeletedFrom(String channel, String user, String by, Instant at);
}
