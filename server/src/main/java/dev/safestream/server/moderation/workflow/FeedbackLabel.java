package dev.safestream.server.moderation.workflow;

import java.time.Instant;

/**
 * A moderator's judgement of a message, kept as training data. Exported by {@code GET /api/moderation/labels} as one
 * JSON object per line, the format the training command reads with {@code --feedback FILE}.
 *
 * @param id storage order, for paging
 * @param toxic whether the moderator judged the message toxic
 * @param source what produced the label: {@code approve} or {@code reject} (queue decisions; a highlight counts as
 *     approve), {@code kick}, {@code mute} or {@code ban} (actions on a user, labelling their latest flagged message)
 */
public record FeedbackLabel(
        long id,
        long messageId,
        String channel,
        String text,
        boolean toxic,
        String source,
        String moderator,
        Instant at) {
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";
}
