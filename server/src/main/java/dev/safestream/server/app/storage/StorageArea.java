package dev.safestream.server.app.storage;

import dev.safestream.server.persistence.Database;
import dev.safestream.server.persistence.StorageSettings;
import java.io.IOException;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The data directory (owner-only) and the database: opened first, closed last. */
public final class StorageArea implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(StorageArea.class);

    private final StorageSettings settings;
    private final Database database;

    private StorageArea(StorageSettings settings, Database database) {
        this.settings = settings;
        this.database = database;
    }

    /** Prepares the data directory, opens (and migrates) the database, and makes the files it created owner-only. */
    public static StorageArea open(StorageSettings settings) throws IOException {
        DataDirectory directory = DataDirectory.prepare(settings.dataDir());
        Database database = Database.open(settings.jdbcUrl(), settings.databaseUser(), settings.databasePassword());
        log.info("Database: {}", database.product());
        try {
            directory.restrictNewFiles();
        } catch (IOException | RuntimeException e) {
            database.close();
            throw e;
        }
        return new StorageArea(settings, database);
    }

    public Database database() {
        return database;
    }

    public Path dataDir() {
        return settings.dataDir();
    }

    /** Null while the database answers, else what is wrong (for /readyz). */
    public String problem() {
        return database.problem();
    }

    @Override
    public void close() {
        database.close();
    }
}
