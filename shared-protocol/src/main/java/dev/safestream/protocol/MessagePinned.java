package dev.safestream.protocol;

/**
 * Everyone in the channel: a moderator pinned a message. {@code {"type":"message_pinned","id":1234,"channel":"main",
 * "user":"alice","message":"hello"}}. A client that joins gets the channel's current pin after its welcome. One pin per
 * channel: a new one replaces it.
 *
 * @param id the pinned message's id
 * @param channel its channel
 * @param user its author
 * @param message its text
 */
public record MessagePinned(long id, String channel, String user, String message) implements ServerEvent {}
