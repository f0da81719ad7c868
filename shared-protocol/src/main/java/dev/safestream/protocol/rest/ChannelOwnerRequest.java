package dev.safestream.protocol.rest;

/**
 * {@code PUT /api/channels/{channel}/owner}.
 *
 * @param username the new owner (a streamer)
 */
public record ChannelOwnerRequest(String username) {}
