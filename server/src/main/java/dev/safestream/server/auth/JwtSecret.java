package dev.safestream.server.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Where the signing secret comes from: the configured value, else a file in the data directory, created with 64
 * random bytes (readable by the owner only) on first start. The secret is never logged.
 */
public final class JwtSecret {
    static final String FILE_NAME = "jwt-secret";

    private JwtSecret() {}

    public static byte[] resolve(String configured, Path dataDir) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = configured.getBytes(StandardCharsets.UTF_8);
            if (bytes.length < 32) {
                throw new IllegalArgumentException("JWT_SECRET_KEY must be at least 32 characters");
            }
            return bytes;
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            return Base64.getDecoder().decode(Files.readString(file).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[64];
        new SecureRandom().nextBytes(secret);
        try {
            OwnerOnlyFile.create(file, Base64.getEncoder().encodeToString(secret));
        } catch (FileAlreadyExistsException raced) {
            // another process created it first; resolve() reads theirs
        }
    }
}
