package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.safestream.protocol.Explanation;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A held message in the review queue with its decisions so far.
 *
 * @param messageId the message id (as on the WebSocket)
 * @param channel its channel
 * @param user its author
 * @param text the message
 * @param score the classifier's score
 * @param categories per-category scores, or {@code null} when none
 * @param explanation why it was held, or {@code null}
 * @param ts when it was posted
 * @param state {@code pending}, {@code approved}, {@code highlighted} or {@code rejected} (most restrictive decision wins)
 * @param published whether it was broadcast (the first approve or highlight publishes)
 * @param decisions every decision so far, oldest first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewItem(
        @JsonProperty("message_id") long messageId,
        String channel,
        String user,
        String text,
        double score,
        Map<String, Double> categories,
        Explanation explanation,
        Instant ts,
        String state,
        boolean published,
        List<ModeratorDecision> decisions) {
    public ReviewItem {
        decisions = decisions == null ? List.of() : List.copyOf(decisions);
    }
}
