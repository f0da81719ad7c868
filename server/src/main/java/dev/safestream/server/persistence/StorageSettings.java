package dev.safestream.server.persistence;

import java.nio.file.Path;

/**
 * Where the server keeps its state.
 *
 * @param dataDir the data directory: the H2 database by default, the JWT secret, the initial admin password
 * @param databaseUrl a JDBC URL (PostgreSQL or H2), or null for the H2 file in {@code dataDir}
 * @param databaseUser the JDBC user, or null
 * @param databasePassword the JDBC password (DATABASE_PASSWORD, from the environment only), or null
 */
public record StorageSettings(Path dataDir, String databaseUrl, String databaseUser, String databasePassword) {
    public StorageSettings {
        if (dataDir == null) {
            throw new IllegalArgumentException("--data-dir/DATA_DIR must be set");
        }
    }

    /** The JDBC URL to open: {@link #databaseUrl()}, else the H2 file in the data directory. */
    public String jdbcUrl() {
        return databaseUrl == null ? Database.defaultUrl(dataDir) : databaseUrl;
    }

    @Override
    public String toString() { // never the password
        return "StorageSettings[dataDir=" + dataDir + ", databaseUrl=" + databaseUrl + ", databaseUser=" + databaseUser
                + "]";
    }
}
