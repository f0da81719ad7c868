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
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserActionRequest(
        String username, @JsonProperty("duration_seconds") Long durationSeconds, String reason, String channel) {}
