package dev.safestream.server.transport.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import java.time.Instant;

/** Request and response bodies of the REST API (snake_case on the wire). */
final class Dtos {
    private Dtos() {}

    /** The password is read byte-exact (not cleaned like other client text): it is only ever hashed. */
    record RegisterRequest(
            String username,

            @JsonDeserialize(using = StringDeserializer.class)
            String password,

            String email) {}

    /** {@code POST /auth/login}'s form fields (documentation only: the form is read field by field). */
    record LoginForm(String username, String password) {}

    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            String username,
            String role,
            @JsonProperty("expires_in") long expiresIn,
            /** true when the password is temporary: the token may only change it (POST /auth/password) */
            @JsonProperty("must_change_password") @JsonInclude(JsonInclude.Include.NON_NULL)
            Boolean mustChangePassword) {}

    record PasswordChange(
            @JsonProperty("current_password") String currentPassword,
            @JsonProperty("new_password") String newPassword) {}

    @JsonInclude(JsonInclude.Include.ALWAYS)
    record MeResponse(
            String username,
            String email,
            String role,
            @JsonProperty("created_at") Instant createdAt) {}

    record UserProfile(
            String username,
            String role,
            @JsonProperty("created_at") Instant createdAt) {}

    record GiftRequest(String from, @JsonProperty("gift_id") Integer giftId, Integer amount, String channel) {}

    record UserActionRequest(
            String username,
            @JsonProperty("duration_seconds") Long durationSeconds,
            String reason,
            String channel) {}

    record ThresholdBody(Double threshold, String channel) {}

    record StatusResponse(String status) {}
}
