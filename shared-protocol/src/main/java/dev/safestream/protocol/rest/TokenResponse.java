package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A bearer token: the answer of {@code POST /auth/login}, {@code /auth/register}, {@code /auth/guest} and
 * {@code /auth/password}.
 *
 * @param accessToken the JWT to send as {@code Authorization: Bearer ...} and as the WebSocket's {@code token}
 * @param tokenType always {@code bearer}
 * @param username whose token it is
 * @param role the site role: guest, viewer, streamer, moderator or admin
 * @param expiresIn seconds until it expires
 * @param mustChangePassword {@code true} when the password is temporary: the token may only change it ({@code POST
 *     /auth/password}); left out otherwise
 */
public record TokenResponse(
        @JsonProperty("access_token") String accessToken,
        @JsonProperty("token_type") String tokenType,
        String username,
        String role,
        @JsonProperty("expires_in") long expiresIn,

        @JsonProperty("must_change_password") @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean mustChangePassword) {}
