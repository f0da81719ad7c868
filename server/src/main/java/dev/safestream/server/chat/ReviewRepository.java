package dev.safestream.server.chat;

import dev.safestream.server.moderation.ReviewState;
import java.util.List;
import java.util.Optional;

/** Held messages and the decisions on them (messages are stored by {@link MessageRepository}). */
public interface ReviewRepository {
    /** Every held message still pending, in all channels, oldest first (loaded at start-up). */
    List<HeldMessage> pending();

    /** A held message with its decisions; empty when the id is unknown or the message was never held. */
    Optional<HeldMessage> find(long messageId);

    /** The channel's newest decided held messages, newest first. */
    List<HeldMessage> decided(String channel, int limit);

    /** Stores one decision and the message's new state in one transaction. */
    void record(long messageId, String channel, HeldMessage.Entry decision, ReviewState state, boolean published);
}
