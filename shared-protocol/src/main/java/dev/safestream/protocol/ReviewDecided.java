package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * Moderators only: a moderator decided on a held message. {@code {"type":"decided","id":1237,"channel":"main",
 * "user":"bob","message":"...","decision":"reject","state":"rejected","published":false,"moderator":"mod1",
 * "reason":"spam","ts":"..."}}.
 *
 * <p>Several moderators may decide the same message; the most restrictive decision wins ({@code reject} over
 * {@code highlight} over {@code approve}), so {@code state} may differ from {@code decision}. A message is broadcast
 * at most once, by the first {@code approve} or {@code highlight} that finds it pending; a later {@code reject} cannot
 * unpublish it but still wins in {@code state}.
 *
 * @param id the held message's id
 * @param channel channel of the message
 * @param user the message's author
 * @param message the message text
 * @param decision this moderator's decision: {@code approve}, {@code highlight} or {@code reject}
 * @param state the message's review state after merging every decision: {@code approved}, {@code highlighted} or
 *     {@code rejected}
 * @param published whether this decision broadcast the message to the channel
 * @param moderator who decided
 * @param reason the moderator's reason, or {@code null}
 * @param ts when the decision was recorded
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReviewDecided(
        long id,
        String channel,
        String user,
        String message,
        String decision,
        String state,
        boolean published,
        String moderator,
        String reason,
        Instant ts)
        implements ServerEvent {}
