package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * Sent to a muted user when they are muted and whenever they try to chat while muted.
 *
 * @param message human-readable explanation
 * @param mutedUntil when the mute ends
 * @param reason the moderator's reason, or {@code null}
 */
public record UserMuted(
        String message, @JsonProperty("muted_until") Instant mutedUntil, String reason) implements ServerEvent {}
