package dev.safestream.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/** Small JDBC plumbing shared by the repositories: run a statement, map rows, wrap {@link SQLException}. */
final class Jdbc {
    private final Database database;

    Jdbc(Database database) {
        this.database = database;
    }

    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    interface RowMapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    int update(String sql, Binder binder) {
        return inConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                return s.executeUpdate();
            }
        });
    }

    /** Runs an insert; @return false when it would duplicate a unique key (the row exists already) */
    boolean insertUnlessDuplicate(String sql, Binder binder) {
        try {
            update(sql, binder);
            return true;
        } catch (StorageException e) {
            if (isUniqueViolation(e.getCause())) {
                return false;
            }
            throw e;
        }
    }

    <T> List<T> query(String sql, Binder binder, RowMapper<T> mapper) {
        return inConnection(c -> {
            try (PreparedStatement s = c.prepareStatement(sql)) {
                binder.bind(s);
                try (ResultSet rows = s.executeQuery()) {
                    List<T> out = new ArrayList<>();
                    while (rows.next()) {
                        out.add(mapper.map(rows));
                    }
                    return out;
                }
            }
        });
    }

    /** Runs work in one transaction, committed when it returns and rolled back when it throws. */
    <T> T inTransaction(Work<T> work) {
        return inConnection(c -> {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        });
    }

    private <T> T inConnection(Work<T> work) {
        try (Connection c = database.connection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw new StorageException(e);
        }
    }

    /** Binds an instant to a {@code timestamp with time zone} column, portably (H2, PostgreSQL). */
    static void setInstant(PreparedStatement s, int index, Instant instant) throws SQLException {
        if (instant == null) {
            s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            s.setObject(index, instant.atOffset(ZoneOffset.UTC));
        }
    }

    static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime value = row.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static void setNullableLong(PreparedStatement s, int index, Long value) throws SQLException {
        if (value == null) {
            s.setNull(index, Types.BIGINT);
        } else {
            s.setLong(index, value);
        }
    }

    /** SQLState 23505 = unique violation on H2 and PostgreSQL. */
    static boolean isUniqueViolation(Throwable e) {
        return e instanceof SQLIntegrityConstraintViolationException
                || (e instanceof SQLException sql && "23505".equals(sql.getSQLState()));
    }
}
