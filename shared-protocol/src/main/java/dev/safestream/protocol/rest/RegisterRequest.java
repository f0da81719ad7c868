package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/**
 * {@code POST /auth/register}. The password is read byte-exact (not cleaned like other client text): it is only
 * ever hashed.
 *
 * @param username 1..50 letters, digits, {@code _} or {@code -}
 * @param password 6+ characters, not the username, not a common password
 * @param email optional, else {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RegisterRequest(
        String username,
        @JsonDeserialize(using = StringDeserializer.class) String password,
        String email) {}
