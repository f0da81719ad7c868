package dev.safestream.server.app.storage;

import dev.safestream.server.app.cli.Env;
import dev.safestream.server.persistence.StorageSettings;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Option;

/** Storage options, shared by {@code serve} and {@code users}; the password comes from the environment only. */
public final class StorageOptions {
    @Option(
            names = "--data-dir",
            defaultValue = "${env:DATA_DIR:-./data}",
            description = "Database, JWT secret and other state (DATA_DIR).")
    public Path dataDir;

    @Option(
            names = "--database-url",
            defaultValue = "${env:DATABASE_URL}",
            description = "JDBC URL; default: H2 file in the data dir (DATABASE_URL).")
    public String databaseUrl;

    @Option(
            names = "--database-user",
            defaultValue = "${env:DATABASE_USER}",
            description = "JDBC user (DATABASE_USER).")
    public String databaseUser;

    /** DATABASE_PASSWORD: environment only. */
    public String databasePassword;

    public void readSecrets(Map<String, String> env) {
        databasePassword = Env.secret(env, "DATABASE_PASSWORD");
    }

    public StorageSettings settings() {
        return new StorageSettings(
                dataDir, Env.blankToNull(databaseUrl), Env.blankToNull(databaseUser), databasePassword);
    }
}
