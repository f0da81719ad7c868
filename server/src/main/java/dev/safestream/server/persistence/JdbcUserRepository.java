package dev.safestream.server.persistence;

import dev.safestream.server.auth.Role;
import dev.safestream.server.auth.UserAccount;
import dev.safestream.server.auth.UserRepository;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
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
        try {
            jdbc.update(
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
            return true;
        } catch (StorageException e) {
            if (isUniqueViolation(e.getCause())) {
                return false;
            }
            throw e;
        }
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
    public void updateRole(String username, Role role) {
        jdbc.update("update users set role = ? where username_key = ?", s -> {
            s.setString(1, role.wireName());
            s.setString(2, key(username));
        });
    }

    private UserAccount map(ResultSet row) throws SQLException {
        return new UserAccount(
                row.getString("username"),
                row.getString("email"),
                row.getString("password_hash"),
                Role.fromWireName(row.getString("role")),
                Jdbc.instant(row, "created_at"));
    }

    private static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }

    private static boolean isUniqueViolation(Throwable e) {
        // SQLState 23505 = unique violation on H2 and PostgreSQL
        return e instanceof SQLIntegrityConstraintViolationException
                || (e instanceof SQLException sql && "23505".equals(sql.getSQLState()));
    }
}
