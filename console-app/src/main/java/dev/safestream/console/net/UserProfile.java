package dev.safestream.console.net;

import java.time.Instant;

/** {@code GET /api/users/{username}}: an account's role and when it was created. */
public record UserProfile(String username, String role, Instant createdAt) {}
