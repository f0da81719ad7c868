package dev.safestream.server.moderation.workflow;

import dev.safestream.protocol.UserMuted;
import dev.safestream.protocol.UserWarned;
import java.time.Instant;

/**
 * A mute or ban of a user in a channel.
 *
 * @param until when it ends; {@code null} for a ban without end
 */
public record Sanction(String channel, String username, Kind kind, Instant until, String reason, String issuedBy) {
    /**
     * Warnings hold a user's chat until they acknowledge them; mutes silence a user; bans keep them out. Listed in
     * reverse order: bans first.
     */
    public enum Kind {
        WARN,
        MUTE,
        BAN
    }

    public boolean activeAt(Instant now) {
        return until == null || until.isAfter(now);
    }

    /** What a warned user is told, when warned and when they try to chat before acknowledging it. */
    public UserWarned warnedEvent() {
        return new UserWarned(channel, reason);
    }

    /** What a muted user is told, when muted and when they try to chat. */
    public UserMuted mutedEvent() {
        return new UserMuted("You are muted until " + until, until, reason);
    }
}
