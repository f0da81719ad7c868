package dev.safestream.server.chat;

import java.time.Instant;

/**
 * A mute or ban of a user in a channel.
 *
 * @param until when it ends; {@code null} for a ban without end
 */
public record Sanction(String channel, String username, Kind kind, Instant until, String reason, String issuedBy) {
    /** Mutes silence a user; bans keep them out. */
    public enum Kind {
        MUTE,
        BAN
    }

    public boolean activeAt(Instant now) {
        return until == null || until.isAfter(now);
    }
}
