package dev.safestream.server.persistence;

import dev.safestream.server.moderation.workflow.AuditEntry;
import dev.safestream.server.moderation.workflow.AuditRepository;
import java.util.List;

/** The audit log in the {@code moderation_actions} table. */
public final class JdbcAuditRepository implements AuditRepository {
    private final Jdbc jdbc;

    public JdbcAuditRepository(Database database) {
        this.jdbc = new Jdbc(database);
    }

    @Override
    public void record(AuditEntry e) {
        jdbc.update(
                "insert into moderation_actions (channel, actor, action_type, target, reason, duration_seconds,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?)",
                s -> {
                    s.setString(1, e.channel());
                    s.setString(2, e.actor());
                    s.setString(3, e.action());
                    s.setString(4, e.target());
                    s.setString(5, e.reason());
                    Jdbc.setNullableLong(s, 6, e.durationSeconds());
                    Jdbc.setInstant(s, 7, e.at());
                });
    }

    @Override
    public List<AuditEntry> recent(String channel, int limit) {
        return jdbc.query(
                "select * from moderation_actions where channel = ? order by id desc fetch first ? rows only",
                s -> {
                    s.setString(1, channel);
                    s.setInt(2, limit);
                },
                r -> new AuditEntry(
                        r.getString("channel"),
                        r.getString("actor"),
                        r.getString("action_type"),
                        r.getString("target"),
                        r.getString("reason"),
                        r.getObject("duration_seconds") == null ? null : r.getLong("duration_seconds"),
                        Jdbc.instant(r, "created_at")));
    }
}
