package dev.safestream.server.auth;

import java.time.Instant;

/**
 * A registered account as stored. {@code passwordHash} is an argon2id encoded hash and never leaves the server.
 *
 * @param tokenVersion bumped by a role change, password change or reset, and by disabling: older tokens are refused
 * @param disabled cannot log in; its tokens are refused
 * @param mustChangePassword an admin set a temporary password: the next login may only change it
 */
public record UserAccount(
        String username,
        String email,
        String passwordHash,
        Role role,
        Instant createdAt,
        int tokenVersion,
        boolean disabled,
        boolean mustChangePassword) {
    public UserAccount(String username, String email, String passwordHash, Role role, Instant createdAt) {
        this(username, email, passwordHash, role, createdAt, 0, false, false);
    }
}
