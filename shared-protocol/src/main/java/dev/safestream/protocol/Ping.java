package dev.safestream.protocol;

/**
 * Application-level keep-alive for clients that cannot send WebSocket pings (browsers). The server answers with a
 * {@link Pong} carrying the same nonce.
 *
 * @param nonce optional value echoed back, may be {@code null}
 */
public record Ping(String nonce) implements ClientCommand {}
