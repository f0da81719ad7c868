package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of {@code POST /api/admin/kick|mute|unmute|ban|unban}.
 *
 * @param username whom the action is for
 * @param durationSeconds the mute length (mute only; default 300), else {@code null}
 * @param reason why, for the audit log, or {@code null}
 * @param channel the channel, else the query's {@code channel}, else {@code main}
 * @param clearMessages with kick, mute and ban: also take the user's messages in the channel off everyone's screen
 *     and out of the recent history ({@code messages_cleared}); {@code null} means no
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserActionRequest(
        String username,
        @JsonProperty("duration_seconds") Long durationSeconds,
        String reason,
        String channel,
        @JsonProperty("clear_messages") Boolean clearMessages) {
    /** Without clearing the user's messages. */
    public UserActionRequest(String username, Long durationSeconds, String reason, String channel) {
        this(username, durationSeconds, reason, channel, null);
    }

    /** Whether the user's messages are to be cleared too. */
    public boolean clearing() {
        return Boolean.TRUE.equals(clearMessages);
    }
}
