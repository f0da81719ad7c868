package dev.safestream.server.moderation.workflow;

import java.util.List;

/** The append-only audit log of moderation actions. Implemented by persistence. */
public interface AuditRepository {
    void record(AuditEntry entry);

    /** Newest entries first. */
    List<AuditEntry> recent(String channel, int limit);
}
