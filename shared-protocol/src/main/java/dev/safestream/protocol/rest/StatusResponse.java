package dev.safestream.protocol.rest;

/**
 * A one-word answer: {@code {"status":"queued"}} ({@code POST /api/gift}), {@code healthy} ({@code /healthz}),
 * {@code reset} ({@code POST /api/admin/reset_metrics}).
 *
 * @param status the word
 */
public record StatusResponse(String status) {}
