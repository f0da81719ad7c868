package dev.safestream.protocol.rest;

/**
 * The answer of appointing or dismissing a channel moderator.
 *
 * @param channel the channel
 * @param username the moderator
 * @param changed {@code false} when the user already was (or was not) a moderator
 */
public record ChannelRoleChange(String channel, String username, boolean changed) {}
