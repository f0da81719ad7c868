package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A chat message after moderation. {@code {"type":"chat","id":1234,"user":"alice","message":"hello","toxic":false,
 * "score":0.02,"ts":"2026-06-26T12:34:56Z","channel":"main"}}.
 *
 * <p>A message with {@code blocked=true} is sent only back to its author; nobody else ever sees it. A message with
 * {@code held=true} waits for a moderator and is visible only to its author (moderators see it as a
 * {@link MessageHeld}); once approved it is broadcast again with the same {@code id} and {@code held=false}.
 *
 * <p>This is what every client may see, so it carries no moderation internals beyond the seed's {@code toxic} and
 * {@code score}: categories, rules, thresholds and the words that drove a decision go to moderators only, in
 * {@link MessageModerated} and {@link MessageHeld}.
 *
 * @param id server-assigned, increasing within a server
 * @param user author's username
 * @param message the text as the author typed it
 * @param toxic whether the score reached the channel's flag threshold
 * @param score calibrated probability that the message is toxic, 0..1
 * @param ts when the server accepted the message (UTC, millisecond precision)
 * @param channel channel the message was posted to
 * @param blocked true when the message was withheld from everyone but its author
 * @param held true when the message waits for review
 * @param reason for its author only: why it was blocked or held, in plain words (never the words that tipped the
 *     filter, its scores or thresholds); else {@code null}
 * @param highlighted true when a moderator approved the message with a highlight; left out of the JSON when false
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ChatPosted(
        long id,
        String user,
        String message,
        boolean toxic,
        double score,
        Instant ts,
        String channel,
        boolean blocked,
        boolean held,
        String reason,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean highlighted)
        implements ServerEvent {}
