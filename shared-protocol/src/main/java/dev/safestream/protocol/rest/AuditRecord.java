package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * One line of {@code GET /api/admin/audit}: who did what to whom, why, when. (Field names as the first version of
 * the API wrote them.)
 *
 * @param channel where
 * @param actor who acted
 * @param action what: kick, mute, unmute, ban, unban, ...
 * @param target to whom, or {@code null}
 * @param reason why, or {@code null}
 * @param durationSeconds the mute length, else {@code null}
 * @param at when
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AuditRecord(
        String channel, String actor, String action, String target, String reason, Long durationSeconds, Instant at) {}
