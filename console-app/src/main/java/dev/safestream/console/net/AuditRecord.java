package dev.safestream.console.net;

import java.time.Instant;

/**
 * One line of the audit log: who did what to whom, why, when.
 *
 * @param durationSeconds the mute length, else {@code null}
 */
public record AuditRecord(
        String channel, String actor, String action, String target, String reason, Long durationSeconds, Instant at) {}
