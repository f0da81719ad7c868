package dev.safestream.protocol.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One check of {@code GET /readyz}.
 *
 * @param ok whether it passed
 * @param detail why it failed; left out when it passed
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ReadinessCheck(boolean ok, String detail) {}
