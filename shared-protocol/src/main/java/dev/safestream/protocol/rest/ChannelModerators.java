package dev.safestream.protocol.rest;

import java.util.List;

/**
 * {@code GET /api/channels/{channel}/moderators}.
 *
 * @param channel the channel
 * @param moderators its moderators
 */
public record ChannelModerators(String channel, List<String> moderators) {}
