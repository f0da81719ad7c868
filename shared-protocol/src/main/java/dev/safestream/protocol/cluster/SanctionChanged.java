package dev.safestream.protocol.cluster;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A mute or ban was imposed or lifted (and stored) on the sending node: the others update the sanctions they keep in
 * memory.
 *
 * @param sanction {@code MUTE} or {@code BAN}
 * @param until when it ends; null for a ban without end, and for a lifted one
 * @param lifted true when it was lifted rather than imposed
 */
public record SanctionChanged(
        String node,
        String channel,
        String user,
        String sanction,
        Instant until,
        String reason,
        @JsonProperty("issued_by") String issuedBy,
        boolean lifted)
        implements NodeMessage {}
