package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * {@code GET /auth/me}: who the token belongs to; every field is written, {@code null} for guests' email and
 * creation time.
 *
 * @param username the account or guest name
 * @param email the account's address, or {@code null}
 * @param role the site role
 * @param createdAt when the account was created, or {@code null} for a guest
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record CurrentUser(
        String username,
        String email,
        String role,
        @JsonProperty("created_at") Instant createdAt) {}
