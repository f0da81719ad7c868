package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The answer of a password reset: the temporary password the user must change at the next login.
 *
 * @param username the account
 * @param temporaryPassword the password to hand over
 */
public record TemporaryPassword(
        String username, @JsonProperty("temporary_password") String temporaryPassword) {}
