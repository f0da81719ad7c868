package dev.safestream.server.transport.http;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Every error response: {@code {"detail":"..."}} plus the RFC 9457 fields {@code status} and {@code title}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(String detail, int status, String title) {}
