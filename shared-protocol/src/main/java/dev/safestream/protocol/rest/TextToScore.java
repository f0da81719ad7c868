package dev.safestream.protocol.rest;

/**
 * One text of {@code POST /api/moderate}.
 *
 * @param id the caller's id, echoed in the result
 * @param text at most 2000 characters
 */
public record TextToScore(String id, String text) {}
