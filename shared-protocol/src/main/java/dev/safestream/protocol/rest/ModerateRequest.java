package dev.safestream.protocol.rest;

import java.util.List;

/**
 * {@code POST /api/moderate}: up to 256 texts to score; nothing is posted or stored.
 *
 * @param messages the texts
 */
public record ModerateRequest(List<TextToScore> messages) {}
