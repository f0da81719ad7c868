package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * {@code GET /api/users/{username}} (moderators): who an account is, for the console's user card. Never the e-mail
 * address.
 *
 * @param username the account
 * @param role its site role
 * @param createdAt when it was created
 */
public record UserProfile(
        String username,
        String role,
        @JsonProperty("created_at") Instant createdAt) {}
