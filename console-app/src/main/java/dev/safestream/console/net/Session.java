package dev.safestream.console.net;

import java.time.Instant;

/**
 * A logged-in moderator.
 *
 * @param username who logged in
 * @param role the account's role ({@code moderator}, {@code admin}, ...)
 * @param token the bearer token
 * @param expiresAt when the token stops working
 */
public record Session(String username, String role, String token, Instant expiresAt) {
    /** Whether this role may use the console (moderators, streamers and admins). */
    public boolean mayModerate() {
        return "moderator".equals(role) || "admin".equals(role) || "streamer".equals(role);
    }

    @Override
    public String toString() {
        return "Session[" + username + ", " + role + "]";
    }
}
