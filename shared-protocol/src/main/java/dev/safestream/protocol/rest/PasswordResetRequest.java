package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code POST /api/admin/users/{username}/password}: the temporary password to set, or none to generate one.
 *
 * @param password the temporary password, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PasswordResetRequest(String password) {}
