package dev.safestream.protocol;

/**
 * Everyone in the channel: a moderator cleared a user's messages (with a ban, mute or kick). {@code
 * {"type":"messages_cleared","channel":"main","user":"mallory"}}. Clients take every message of that user in the
 * channel off the screen; the server no longer serves them, as for {@link MessageDeleted}.
 *
 * @param channel the channel
 * @param user whose messages were removed
 */
public record MessagesCleared(String channel, String user) implements ServerEvent {}
