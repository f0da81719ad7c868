package dev.safestream.protocol;

/**
 * Everyone in the channel: the pin was taken down (by a moderator, or because its message was deleted). {@code
 * {"type":"message_unpinned","channel":"main"}}.
 *
 * @param channel the channel
 */
public record MessageUnpinned(String channel) implements ServerEvent {}
