package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every error response: a human-readable {@code detail} plus the RFC 9457 fields {@code status} and {@code title}.
 * {@code {"detail":"gift_id and amount are required","status":400,"title":"Bad Request"}}.
 *
 * @param detail what went wrong, for people
 * @param status the HTTP status
 * @param title the status's reason phrase, or {@code null}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ErrorBody(String detail, int status, String title) {}
