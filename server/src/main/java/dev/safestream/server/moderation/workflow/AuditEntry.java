package dev.safestream.server.moderation.workflow;

import java.time.Instant;

/**
 * One moderation action, for the audit log: who did what to whom, why, when.
 *
 * @param durationSeconds the mute length, else {@code null}
 */
public record AuditEntry(
        String channel, String actor, String action, String target, String reason, Long durationSeconds, Instant at) {}
