package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * Moderators only: a message entered the channel's review queue and waits for a decision
 * ({@code POST /api/moderation/queue/{id}/decisions}). Viewers never see it; its author sees it as a {@link ChatPosted}
 * with {@code held=true}. {@code {"type":"held","id":1237,"channel":"main","user":"bob","message":"...","ts":"...",
 * "score":0.45,"explanation":{...}}}.
 *
 * @param id the message id, the key for decisions
 * @param channel channel the message was posted to
 * @param user author's username
 * @param message the text as the author typed it
 * @param ts when the server accepted the message
 * @param score the classifier's score, 0..1
 * @param categories per-category scores where the classifier provides them, else {@code null}
 * @param explanation why it was held
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageHeld(
        long id,
        String channel,
        String user,
        String message,
        Instant ts,
        double score,
        Map<String, Double> categories,
        Explanation explanation)
        implements ServerEvent {}
