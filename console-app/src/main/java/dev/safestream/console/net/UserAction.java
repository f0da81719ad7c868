package dev.safestream.console.net;

import java.time.Duration;
import java.util.Locale;

/**
 * One moderator action against a user.
 *
 * @param kind what to do
 * @param username whom to do it to
 * @param channel the channel
 * @param duration the mute's length, or a timed ban's ({@link Kind#BAN}; {@code null}: until lifted), else {@code null}
 * @param reason why, or {@code null}
 * @param clearMessages with kick, mute and ban: also take the user's messages in the channel off every screen
 */
public record UserAction(
        Kind kind, String username, String channel, Duration duration, String reason, boolean clearMessages) {
    public UserAction {
        if (kind == null || username == null || username.isBlank()) {
            throw new IllegalArgumentException("kind and username are required");
        }
        if (clearMessages && !kind.destructive() && kind != Kind.MUTE) {
            throw new IllegalArgumentException("only kick, mute and ban clear messages");
        }
    }

    /** Without clearing the user's messages. */
    public UserAction(Kind kind, String username, String channel, Duration duration, String reason) {
        this(kind, username, channel, duration, reason, false);
    }

    /** The actions of {@code /api/admin/*}. */
    public enum Kind {
        KICK(true),
        MUTE(false),
        BAN(true),
        UNBAN(false),
        UNMUTE(false),
        WARN(false);

        private final boolean destructive;

        Kind(boolean destructive) {
            this.destructive = destructive;
        }

        /** Whether the console asks for confirmation first. */
        public boolean destructive() {
            return destructive;
        }

        public String path() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
