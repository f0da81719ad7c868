package dev.safestream.protocol.rest;

import java.util.Map;

/**
 * {@code GET /readyz}: 200 with {@code ready} when every check passes, else 503 with {@code not_ready}.
 *
 * @param status {@code ready} or {@code not_ready}
 * @param checks each check by name (pipeline, database, model, ...)
 */
public record Readiness(String status, Map<String, ReadinessCheck> checks) {}
