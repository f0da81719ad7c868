package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * The answer of {@code POST /api/admin/kick|mute|unmute|ban|unban|warn}: {@code status} says what was done, and the
 * fields of that action are set (the others are left out of the JSON).
 *
 * @param status {@code kicked}, {@code muted}, {@code unmuted}, {@code banned}, {@code unbanned} or {@code warned}
 * @param username whom it was done to
 * @param connectionsClosed kick: how many of the user's connections were closed
 * @param mutedUntil mute: when the mute ends
 * @param wasMuted unmute: whether the user was muted
 * @param wasBanned unban: whether the user was banned
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UserActionResult(
        String status,
        String username,
        @JsonProperty("connections_closed") Integer connectionsClosed,
        @JsonProperty("muted_until") Instant mutedUntil,
        @JsonProperty("was_muted") Boolean wasMuted,
        @JsonProperty("was_banned") Boolean wasBanned) {
    public static UserActionResult kicked(String username, int connectionsClosed) {
        return new UserActionResult("kicked", username, connectionsClosed, null, null, null);
    }

    public static UserActionResult muted(String username, Instant until) {
        return new UserActionResult("muted", username, null, until, null, null);
    }

    public static UserActionResult unmuted(String username, boolean wasMuted) {
        return new UserActionResult("unmuted", username, null, null, wasMuted, null);
    }

    public static UserActionResult banned(String username) {
        return new UserActionResult("banned", username, null, null, null, null);
    }

    public static UserActionResult warned(String username) {
        return new UserActionResult("warned", username, null, null, null, null);
    }

    public static UserActionResult unbanned(String username, boolean wasBanned) {
        return new UserActionResult("unbanned", username, null, null, null, wasBanned);
    }
}
