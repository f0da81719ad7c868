package dev.safestream.server.persistence;

import java.sql.SQLException;

/** The database failed; the operation did not happen. */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StorageException(SQLException cause) {
        super("Database error: " + cause.getMessage(), cause);
    }
}
