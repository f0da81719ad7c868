package dev.safestream.console.net;

import dev.safestream.protocol.Explanation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A held message in the review queue ({@code /api/moderation/queue}, read as the protocol's {@code ReviewItem}).
 *
 * @param id the message id
 * @param channel its channel
 * @param user its author
 * @param text the message
 * @param score the classifier's score
 * @param categories per-category scores (empty when none)
 * @param explanation why it was held, or {@code null}
 * @param ts when it was posted
 * @param state {@code pending}, {@code approved}, {@code highlighted} or {@code rejected}
 * @param decisions every moderator's decision so far, oldest first
 */
public record QueueItem(
        long id,
        String channel,
        String user,
        String text,
        double score,
        Map<String, Double> categories,
        Explanation explanation,
        Instant ts,
        String state,
        List<Decision> decisions) {
    public QueueItem {
        categories = categories == null ? Map.of() : Map.copyOf(categories);
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }

    /** One moderator's decision. */
    public record Decision(String moderator, String decision, String reason, Instant ts) {}

    public QueueItem withDecision(String mergedState, Decision decision) {
        List<Decision> all = new java.util.ArrayList<>(decisions);
        all.add(decision);
        return new QueueItem(id, channel, user, text, score, categories, explanation, ts, mergedState, all);
    }
}
