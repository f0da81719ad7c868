package dev.safestream.console.net;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.safestream.protocol.Explanation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A review-queue item as {@code /api/moderation/queue} writes it. */
record WireQueueItem(
        @JsonProperty("message_id") long messageId,
        String channel,
        String user,
        String text,
        double score,
        Map<String, Double> categories,
        Explanation explanation,
        Instant ts,
        String state,
        List<QueueItem.Decision> decisions) {
    QueueItem toItem() {
        return new QueueItem(messageId, channel, user, text, score, categories, explanation, ts, state, decisions);
    }
}
