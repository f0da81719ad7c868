package dev.safestream.server.moderation.workflow;

import java.time.Duration;

/** What a moderator's action may carry: a reason's length, a mute's or a timed ban's duration. */
final class ActionInputs {
    /** Longest reason a moderator may give; reasons are shown to the user and kept in the audit log. */
    static final int MAX_REASON = 500;
    /** The longest mute or timed ban. */
    static final Duration MAX_MUTE = Duration.ofDays(365);

    private ActionInputs() {}

    /** A mute's or a timed ban's length: at least a second, at most {@link #MAX_MUTE}. */
    static void requireDuration(Duration duration) {
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_MUTE) > 0) {
            throw new IllegalArgumentException("duration_seconds must be between 1 and " + MAX_MUTE.toSeconds());
        }
    }

    static void requireReason(String reason) {
        if (reason != null && reason.length() > MAX_REASON) {
            throw new IllegalArgumentException("reason must be at most " + MAX_REASON + " characters");
        }
    }

    /** The audit line: {@code what}, and the reason after a colon when there is one. */
    static String withReason(String what, String reason) {
        return reason == null || reason.isBlank() ? what : what + ": " + reason;
    }
}
