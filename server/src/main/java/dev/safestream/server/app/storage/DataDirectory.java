package dev.safestream.server.app.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory holds the database, the JWT secret and the first admin password: what the server creates there
 * is its owner's alone (directory 0700, files 0600), whatever the umask. Existing directories and files keep the
 * permissions an administrator gave them.
 */
final class DataDirectory {
    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;
    private final List<Path> existing;

    private DataDirectory(Path dir, List<Path> existing) {
        this.dir = dir;
        this.existing = existing;
    }

    /** Creates the directory owner-only when missing and notes which files are already there. */
    static DataDirectory prepare(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Path parent = dir.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            try {
                Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } catch (UnsupportedOperationException notPosix) {
                Files.createDirectory(dir);
            }
        }
        return new DataDirectory(dir, files(dir));
    }

    /** Makes the files created since {@link #prepare} (the H2 database, say) owner-only. */
    void restrictNewFiles() throws IOException {
        for (Path file : files(dir)) {
            if (!existing.contains(file)) {
                try {
                    Files.setPosixFilePermissions(file, OWNER_FILE);
                } catch (UnsupportedOperationException notPosix) {
                    return;
                }
            }
        }
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return new ArrayList<>(list.filter(Files::isRegularFile).toList());
        }
    }
}
