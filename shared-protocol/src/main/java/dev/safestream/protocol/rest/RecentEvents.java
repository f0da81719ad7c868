package dev.safestream.protocol.rest;

import dev.safestream.protocol.ServerEvent;
import java.util.List;

/**
 * {@code GET /api/recent}: a channel's latest visible messages and gifts, oldest first, as the same event objects
 * the WebSocket carries (each with its {@code type}).
 *
 * @param channel the channel
 * @param events the events
 */
public record RecentEvents(String channel, List<ServerEvent> events) {}
