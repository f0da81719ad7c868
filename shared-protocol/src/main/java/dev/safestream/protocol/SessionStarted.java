package dev.safestream.protocol;

/**
 * First frame on every connection: who the server thinks you are.
 *
 * @param user username the connection belongs to
 * @param channel channel joined
 * @param role the account's role ({@code guest}, {@code viewer}, {@code streamer}, {@code moderator}, {@code admin})
 * @param batched whether this connection may receive JSON arrays of events (it asked with {@code batch=1})
 */
public record SessionStarted(String user, String channel, String role, boolean batched) implements ServerEvent {}
