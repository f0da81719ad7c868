package dev.safestream.server.auth;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashing (password4j). Parameters follow OWASP's minimum (19 MiB, 2 iterations, 1 lane); the
 * encoded hash carries them, so they can be raised later without invalidating stored hashes.
 */
public final class PasswordHasher {
    private final Argon2Function argon2;

    public PasswordHasher() {
        this(19 * 1024, 2);
    }

    /** Cheaper parameters are only for tests and load tools that create thousands of accounts. */
    public PasswordHasher(int memoryKib, int iterations) {
        this.argon2 = Argon2Function.getInstance(memoryKib, iterations, 1, 32, Argon2.ID);
    }

    public String hash(String password) {
        return Password.hash(password).addRandomSalt(16).with(argon2).getResult();
    }

    public boolean matches(String password, String encodedHash) {
        if (encodedHash == null || !encodedHash.startsWith("$argon2")) {
            return false;
        }
        return Password.check(password, encodedHash).with(Argon2Function.getInstanceFromHash(encodedHash));
    }
}
