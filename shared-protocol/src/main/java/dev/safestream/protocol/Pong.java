package dev.safestream.protocol;

/**
 * Answer to a {@link Ping}.
 *
 * @param nonce the ping's nonce
 */
public record Pong(String nonce) implements ServerEvent {}
