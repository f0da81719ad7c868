package dev.safestream.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The connection pool (HikariCP) over the configured JDBC URL, migrated by Flyway on open. The default is an embedded
 * H2 file in the data directory with {@code WRITE_DELAY=0}, so a committed transaction reaches the file before the
 * commit returns (H2 otherwise flushes up to 500 ms later and a crash would lose it).
 */
public final class Database implements AutoCloseable {
    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    public static String defaultUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("safestream")
                + ";WRITE_DELAY=0;DB_CLOSE_ON_EXIT=FALSE";
    }

    public static Database open(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        if (user != null) {
            config.setUsername(user);
        }
        if (password != null) {
            config.setPassword(password);
        }
        config.setPoolName("safestream-db");
        config.setMaximumPoolSize(8);
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new Database(pool);
    }

    public DataSource dataSource() {
        return pool;
    }

    /** Null when the database answers a validation query within two seconds, else what is wrong. */
    public String problem() {
        try (Connection c = pool.getConnection()) {
            return c.isValid(2) ? null : "the database did not answer a validation query";
        } catch (SQLException | RuntimeException e) {
            return "the database is unreachable: " + e.getMessage();
        }
    }

    /** The database product and version, e.g. "PostgreSQL 15.18", for the start-up log. */
    public String product() {
        try (Connection c = pool.getConnection()) {
            var meta = c.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
    }
}
