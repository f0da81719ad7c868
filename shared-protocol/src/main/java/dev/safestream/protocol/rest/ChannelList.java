package dev.safestream.protocol.rest;

import java.util.List;

/**
 * {@code GET /api/channels}.
 *
 * @param channels every channel
 */
public record ChannelList(List<ChannelInfo> channels) {}
