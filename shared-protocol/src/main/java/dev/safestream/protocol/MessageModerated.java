package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * Moderators only: the moderation result of every message of the channel, whatever the decision.
 * {@code {"type":"moderated","id":1236,"channel":"main","user":"mallory","message":"...","ts":"...",
 * "decision":"block","toxic":true,"score":0.97,"categories":{"threat":0.97},"explanation":{...}}}.
 *
 * <p>Sent to connections whose role may moderate, in the order messages were moderated, alongside (not instead of)
 * the {@link ChatPosted} events everyone sees.
 *
 * @param id the message id, as in {@link ChatPosted#id()}
 * @param channel channel the message was posted to
 * @param user author's username
 * @param message the text as the author typed it
 * @param ts when the server accepted the message
 * @param decision {@code allow}, {@code flag}, {@code hold} or {@code block}
 * @param toxic whether the model or a blocked term judged it harmful (spam rules block without it being toxic)
 * @param score the classifier's score, 0..1; 0 when rules decided before the model ran
 * @param categories per-category scores where the classifier provides them, else {@code null}
 * @param explanation why it was flagged, held or blocked; {@code null} when allowed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MessageModerated(
        long id,
        String channel,
        String user,
        String message,
        Instant ts,
        String decision,
        boolean toxic,
        double score,
        Map<String, Double> categories,
        Explanation explanation)
        implements ServerEvent {
    public static final String ALLOW = "allow";
    public static final String FLAG = "flag";
    public static final String HOLD = "hold";
    public static final String BLOCK = "block";
}
