package dev.safestream.server.moderation.workflow;

import dev.safestream.protocol.UserMuted;
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

    /** What a muted user is told, when muted and when they try to chat. */
    public UserMuted mutedEvent() {
        return new UserMuted("You are muted until " + until, until, reason);
    }
}
