package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One line of {@code GET /api/moderation/labels} (JSON lines): a moderator's decision as a training label, the
 * format the training command reads with {@code --feedback}.
 *
 * @param text the message
 * @param toxic the label
 * @param source the decision it came from ({@code reject}, {@code approve}, ...)
 * @param messageId the message id
 * @param ts when it was decided
 */
public record TrainingLabel(
        String text,
        boolean toxic,
        String source,
        @JsonProperty("message_id") long messageId,
        Instant ts) {}
