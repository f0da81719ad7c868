package dev.safestream.server.auth;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Secrets the server generates for itself (JWT key, first admin password) live in files only their owner can read. */
public final class OwnerOnlyFile {
    private OwnerOnlyFile() {}

    /**
     * Creates {@code file} readable and writable by its owner only (from the first moment, not after a chmod) and
     * writes {@code content}.
     *
     * @throws FileAlreadyExistsException when the file exists; it is left as it is
     */
    public static void create(Path file, String content) throws IOException {
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            // Windows: the data directory's ACL protects it.
            Files.createFile(file);
        }
        Files.writeString(file, content);
    }
}
