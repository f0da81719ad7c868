package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * To the warned user's connections only: a moderator warned them. {@code {"type":"warned","channel":"main",
 * "reason":"keep it civil"}}. Their chat in the channel is refused (this event again) until they send
 * {@link AcknowledgeWarning}.
 *
 * @param channel where the warning applies
 * @param reason what the moderator said, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserWarned(String channel, String reason) implements ServerEvent {}
