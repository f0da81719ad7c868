package dev.safestream.server.moderation.workflow;

import dev.safestream.server.moderation.ReviewDecision;
import dev.safestream.server.moderation.ReviewState;
import java.time.Instant;
import java.util.List;

/**
 * A message held for review and where its review stands.
 *
 * @param state the merged outcome of {@code decisions} (most restrictive wins), {@code PENDING} when there are none
 * @param published whether it was broadcast (by the first approve or highlight that found it pending); stays true
 *     when a later reject wins, since a broadcast cannot be taken back
 * @param decisions every decision so far, oldest first
 */
public record HeldMessage(ModeratedMessage message, ReviewState state, boolean published, List<Entry> decisions) {
    public HeldMessage {
        decisions = List.copyOf(decisions);
    }

    /** One moderator's decision. */
    public record Entry(String moderator, ReviewDecision decision, String reason, Instant at) {}

    public long id() {
        return message.id();
    }
}
