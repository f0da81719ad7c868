package dev.safestream.console.net;

import java.time.Instant;
import java.util.List;

/**
 * A logged-in moderator.
 *
 * @param username who logged in
 * @param role the account's role ({@code moderator}, {@code admin}, ...)
 * @param token the bearer token
 * @param expiresAt when the token stops working
 * @param channelRoles the channels the account owns or moderates
 */
public record Session(String username, String role, String token, Instant expiresAt, List<String> channelRoles) {
    public Session {
        channelRoles = List.copyOf(channelRoles);
    }

    public Session(String username, String role, String token, Instant expiresAt) {
        this(username, role, token, expiresAt, List.of());
    }

    /**
     * Whether this account may use the console: moderators, streamers and admins, and channel owners and moderators
     * of any role ({@code channelRoles}: the channels they own or moderate).
     */
    public boolean mayModerate() {
        return "moderator".equals(role) || "admin".equals(role) || "streamer".equals(role) || !channelRoles.isEmpty();
    }

    public boolean isAdmin() {
        return "admin".equals(role);
    }

    @Override
    public String toString() {
        return "Session[" + username + ", " + role + "]";
    }
}
