package dev.safestream.server.auth;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** Which usernames may be registered: 3..max characters of letters, digits, '_', '-' and '.', not reserved. */
public final class UsernamePolicy {
    private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9_.-]+");
    private static final Set<String> RESERVED = Set.of("bot", "system", "server", "guest", "safestream");

    private final int maxLength;

    /** The default of MAX_USERNAME_LENGTH. */
    public static final int DEFAULT_MAX_LENGTH = 50;

    public UsernamePolicy(int maxLength) {
        this.maxLength = maxLength;
    }

    /** @return why the name is not allowed, or {@code null} when it is */
    public String problem(String username) {
        if (username == null || username.isBlank()) {
            return "username is required";
        }
        if (username.length() < 3 || username.length() > maxLength) {
            return "username must be 3 to " + maxLength + " characters";
        }
        if (!ALLOWED.matcher(username).matches()) {
            return "username may contain only letters, digits, '_', '-' and '.'";
        }
        String lower = username.toLowerCase(Locale.ROOT);
        if (RESERVED.contains(lower) || lower.startsWith("guest-")) {
            return "username is reserved";
        }
        return null;
    }

    public int maxLength() {
        return maxLength;
    }
}
