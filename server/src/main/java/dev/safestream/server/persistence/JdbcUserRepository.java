package dev.safestream.server.persistence;

import dev.safestream.server.auth.Role;
import dev.safestream.server.auth.UserAccount;
import dev.safestream.server.auth.UserRepository;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Accounts in the {@code users} table; {@code username_key} (lower case) makes names unique case-insensitively. */
public final class JdbcUserRepository implements UserRepository {
    private final Jdbc jdbc;

    public JdbcUserRepository(Database database) {
        this.jdbc = new Jdbc(database);
    }

    @Override
    public boolean insert(UserAccount account) {
        return jdbc.insertUnlessDuplicate(
                "insert into users (username, username_key, email, password_hash, role, created_at)"
                        + " values (?, ?, ?, ?, ?, ?)",
                s -> {
                    s.setString(1, account.username());
                    s.setString(2, key(account.username()));
                    s.setString(3, account.email());
                    s.setString(4, account.passwordHash());
                    s.setString(5, account.role().wireName());
                    Jdbc.setInstant(s, 6, account.createdAt());
                });
    }

    @Override
    public Optional<UserAccount> find(String username) {
        if (username == null) {
            return Optional.empty();
        }
        return jdbc
                .query("select * from users where username_key = ?", s -> s.setString(1, key(username)), this::map)
                .stream()
                .findFirst();
    }

    @Override
    public boolean anyWithRole(Role role) {
        return !jdbc.query(
                        "select 1 from users where role = ? fetch first 1 rows only",
                        s -> s.setString(1, role.wireName()),
                        r -> 1)
                .isEmpty();
    }

    @Override
    public boolean updateRole(String username, Role role) {
        return jdbc.update("update users set role = ?, token_version = token_version + 1 where username_key = ?", s -> {
                    s.setString(1, role.wireName());
                    s.setString(2, key(username));
                })
                > 0;
    }

    @Override
    public boolean updatePassword(String username, String passwordHash, boolean mustChange) {
        return jdbc.update(
                        "update users set password_hash = ?, must_change_password = ?,"
                                + " token_version = token_version + 1 where username_key = ?",
                        s -> {
                            s.setString(1, passwordHash);
                            s.setBoolean(2, mustChange);
                            s.setString(3, key(username));
                        })
                > 0;
    }

    @Override
    public boolean setDisabled(String username, boolean disabled) {
        return jdbc.update(
                        "update users set disabled = ?, token_version = token_version + 1 where username_key = ?",
                        s -> {
                            s.setBoolean(1, disabled);
                            s.setString(2, key(username));
                        })
                > 0;
    }

    /** In one transaction: renames the user's records, drops sanctions and channel roles, then the account. */
    @Override
    public boolean delete(String username, String replacement) {
        String k = key(username);
        return jdbc.inTransaction(c -> {
            String[] renames = {
                "update messages set username = ? where lower(username) = ?",
                "update gifts set sender = ? where lower(sender) = ?",
                "update moderation_actions set actor = ? where lower(actor) = ?",
                "update moderation_actions set target = ? where lower(target) = ?",
                "update review_decisions set moderator = ? where lower(moderator) = ?",
                "update feedback_labels set moderator = ? where lower(moderator) = ?",
            };
            for (String sql : renames) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, replacement);
                    s.setString(2, k);
                    s.executeUpdate();
                }
            }
            String[] removals = {
                "delete from sanctions where username_key = ?",
                "delete from channel_moderators where username_key = ?",
                "update channels set owner_key = null where owner_key = ?",
                "delete from users where username_key = ?",
            };
            int deleted = 0;
            for (String sql : removals) {
                try (PreparedStatement s = c.prepareStatement(sql)) {
                    s.setString(1, k);
                    deleted = s.executeUpdate();
                }
            }
            return deleted > 0;
        });
    }

    @Override
    public List<UserAccount> search(String query, Role role, int offset, int limit) {
        return jdbc.query(
                "select * from users where username_key like ? and (cast(? as varchar(16)) is null or role = ?)"
                        + " order by username_key offset ? rows fetch next ? rows only",
                s -> {
                    bindFilter(s, query, role);
                    s.setInt(4, offset);
                    s.setInt(5, limit);
                },
                this::map);
    }

    @Override
    public int count(String query, Role role) {
        return jdbc.query(
                        "select count(*) from users where username_key like ? and (cast(? as varchar(16)) is null or role = ?)",
                        s -> bindFilter(s, query, role),
                        r -> r.getInt(1))
                .getFirst();
    }

    private static void bindFilter(PreparedStatement s, String query, Role role) throws SQLException {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        // LIKE wildcards in the query are matched literally
        String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        s.setString(1, "%" + escaped + "%");
        String r = role == null ? null : role.wireName();
        s.setString(2, r);
        s.setString(3, r);
    }

    private UserAccount map(ResultSet row) throws SQLException {
        return new UserAccount(
                row.getString("username"),
                row.getString("email"),
                row.getString("password_hash"),
                Role.fromWireName(row.getString("role")),
                Jdbc.instant(row, "created_at"),
                row.getInt("token_version"),
                row.getBoolean("disabled"),
                row.getBoolean("must_change_password"));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
