package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * {@code POST /auth/password}: a new password for the caller (also to replace a temporary one).
 *
 * @param currentPassword the password now
 * @param newPassword the password from now on
 */
public record PasswordChange(
        @JsonProperty("current_password") String currentPassword,
        @JsonProperty("new_password") String newPassword) {}
