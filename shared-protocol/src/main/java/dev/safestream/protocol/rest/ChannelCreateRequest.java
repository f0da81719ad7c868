package dev.safestream.protocol.rest;

/**
 * {@code POST /api/channels}.
 *
 * @param name the new channel's name
 */
public record ChannelCreateRequest(String name) {}
