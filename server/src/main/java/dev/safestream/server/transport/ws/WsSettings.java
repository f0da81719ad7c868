package dev.safestream.server.transport.ws;

import java.time.Clock;
import java.time.Duration;

/**
 * WebSocket limits.
 *
 * @param maxConnections connections beyond this are closed with 1013
 * @param maxFrameBytes larger incoming frames close the connection with 1009
 * @param outboxLimit frames that may wait for a client before it is dropped as too slow (4008)
 * @param pingInterval how often idle connections are pinged
 * @param idleTimeout connections silent (no frame, no pong) this long are closed with 4009
 */
public record WsSettings(
        int maxConnections,
        int maxFrameBytes,
        int outboxLimit,
        Duration pingInterval,
        Duration idleTimeout,
        Clock clock) {}
