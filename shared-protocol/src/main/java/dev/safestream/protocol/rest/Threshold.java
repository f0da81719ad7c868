package dev.safestream.protocol.rest;

/**
 * {@code GET|PATCH /api/mod/threshold}: a channel's flag threshold (request and response).
 *
 * @param threshold 0..1; messages scoring at least this are flagged
 * @param channel the channel, else the query's {@code channel}, else {@code main}
 */
public record Threshold(Double threshold, String channel) {}
