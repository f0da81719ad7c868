package dev.safestream.protocol.rest;

import java.util.List;

/**
 * {@code GET /api/channels/{channel}/sanctions}: the bans and mutes in force, bans first, then by name. Lift one with
 * {@code POST /api/admin/unban} or {@code /api/admin/unmute}.
 */
public record SanctionList(String channel, List<ActiveSanction> sanctions) {
    public SanctionList {
        sanctions = List.copyOf(sanctions);
    }
}
