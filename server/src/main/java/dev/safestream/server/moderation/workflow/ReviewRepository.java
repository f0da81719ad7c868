package dev.safestream.server.moderation.workflow;

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

    /** The stored state of a held message after a decision: its merged state, and whether this decision publishes it. */
    record Merged(ReviewState state, boolean published, boolean publishedNow) {}

    /**
     * Stores one decision and merges it into the stored state ({@link ReviewState#merge}) in one transaction, holding
     * the message's row lock, so two moderators deciding at once (on two nodes of a cluster, say) both count and the
     * message is published at most once.
     *
     * @throws java.util.NoSuchElementException when no held message has this id
     */
    Merged decide(long messageId, String channel, HeldMessage.Entry decision);
}
