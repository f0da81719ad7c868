package dev.safestream.server.persistence;

import dev.safestream.server.moderation.workflow.Sanction;
import dev.safestream.server.moderation.workflow.SanctionRepository;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** Mutes and bans in the {@code sanctions} table; one row per (channel, user, kind). */
public final class JdbcSanctionRepository implements SanctionRepository {
    private final Jdbc jdbc;

    public JdbcSanctionRepository(Database database) {
        this.jdbc = new Jdbc(database);
    }

    @Override
    public List<Sanction> active(Instant now) {
        return jdbc.query(
                "select * from sanctions where until is null or until > ?",
                s -> Jdbc.setInstant(s, 1, now),
                r -> new Sanction(
                        r.getString("channel"),
                        r.getString("username"),
                        Sanction.Kind.valueOf(r.getString("kind")),
                        Jdbc.instant(r, "until"),
                        r.getString("reason"),
                        r.getString("issued_by")));
    }

    @Override
    public void put(Sanction sanction) {
        jdbc.inTransaction(c -> {
            remove(c, sanction.channel(), sanction.username(), sanction.kind());
            try (var s = c.prepareStatement("insert into sanctions (channel, username_key, username, kind, until,"
                    + " reason, issued_by) values (?, ?, ?, ?, ?, ?, ?)")) {
                s.setString(1, sanction.channel());
                s.setString(2, key(sanction.username()));
                s.setString(3, sanction.username());
                s.setString(4, sanction.kind().name());
                Jdbc.setInstant(s, 5, sanction.until());
                s.setString(6, sanction.reason());
                s.setString(7, sanction.issuedBy());
                s.executeUpdate();
            }
            return null;
        });
    }

    @Override
    public void remove(String channel, String username, Sanction.Kind kind) {
        jdbc.inTransaction(c -> {
            remove(c, channel, username, kind);
            return null;
        });
    }

    private static void remove(java.sql.Connection c, String channel, String username, Sanction.Kind kind)
            throws java.sql.SQLException {
        try (var s = c.prepareStatement("delete from sanctions where channel = ? and username_key = ? and kind = ?")) {
            s.setString(1, channel);
            s.setString(2, key(username));
            s.setString(3, kind.name());
            s.executeUpdate();
        }
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
