package dev.safestream.server.auth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a password must be: 6 to 256 characters, not the username, and not one of the most common passwords (a list
 * shipped in the jar, {@code common-passwords.txt}). Applies to registration, changes, resets and the CLI.
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 256;

    private final Set<String> common;

    public PasswordPolicy() {
        this.common = load();
    }

    /** @return why the password is refused, or null when it is acceptable */
    public String problem(String username, String password) {
        if (password == null || password.length() < MIN_LENGTH) {
            return "password must be at least " + MIN_LENGTH + " characters";
        }
        if (password.strip().length() < MIN_LENGTH) {
            return "password must have at least " + MIN_LENGTH + " characters besides spaces at its ends";
        }
        if (password.length() > MAX_LENGTH) {
            return "password must be at most " + MAX_LENGTH + " characters";
        }
        if (username != null && password.equalsIgnoreCase(username)) {
            return "password must not be the username";
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return "password is one of the most common passwords; choose another";
        }
        return null;
    }

    private static Set<String> load() {
        try (var in = Objects.requireNonNull(
                        PasswordPolicy.class.getResourceAsStream("common-passwords.txt"),
                        "common-passwords.txt is missing from the jar");
                var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return reader.lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .map(line -> line.toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
