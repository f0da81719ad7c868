package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * An account as admins see it, with its channel roles.
 *
 * @param username the account
 * @param email its address, or {@code null}
 * @param role its site role
 * @param disabled whether it may log in
 * @param mustChangePassword whether its password is temporary
 * @param owns channels it owns
 * @param moderates channels it moderates
 * @param createdAt when it was created
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Account(
        String username,
        String email,
        String role,
        boolean disabled,
        @JsonProperty("must_change_password") boolean mustChangePassword,
        List<String> owns,
        List<String> moderates,
        @JsonProperty("created_at") Instant createdAt) {
    public Account {
        owns = owns == null ? List.of() : List.copyOf(owns);
        moderates = moderates == null ? List.of() : List.copyOf(moderates);
    }
}
