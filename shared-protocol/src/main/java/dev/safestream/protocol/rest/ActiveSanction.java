package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * A ban or mute in force in a channel, as {@code GET /api/channels/{channel}/sanctions} lists it.
 *
 * @param username who is sanctioned
 * @param kind {@code ban} or {@code mute}
 * @param until when it ends; {@code null} for a ban without end
 * @param reason the moderator's reason, or {@code null}
 * @param issuedBy who imposed it ({@code automod} for automatic timeouts)
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ActiveSanction(
        String username,
        String kind,
        Instant until,
        String reason,
        @JsonProperty("issued_by") String issuedBy) {}
