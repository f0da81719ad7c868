package dev.safestream.server.transport.ws;

import java.time.Clock;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * WebSocket limits. A limit of 0 for the per-user and per-address counts turns that limit off.
 *
 * @param maxConnections connections beyond this are closed with 1013
 * @param moderatorReserved of {@code maxConnections}, how many only moderators and admins may take, so they can
 *     always get in when viewers fill the server
 * @param maxPerUser connections of one account or guest token; more are closed with 4010
 * @param maxPerAddress connections from one client address (moderators and admins excepted); more are closed with 4010
 * @param maxFrameBytes larger incoming frames close the connection with 1009
 * @param clientPingsPerSecond pings a client may keep sending, in bursts of {@link PingBudget#BURST_SECONDS} seconds'
 *     worth; more close the connection with 4029 (0 = unlimited)
 * @param outboxLimit frames that may wait for a client before it is dropped as too slow (4008)
 * @param outboxBytes bytes that may wait for a client before it is dropped as too slow (4008)
 * @param writerThreads threads that write to sockets; every connection belongs to one
 * @param pingInterval how often idle connections are pinged
 * @param idleTimeout connections silent (no frame, no pong) this long are closed with 4009
 * @param ticker elapsed nanoseconds, for the ping budget
 */
public record WsSettings(
        int maxConnections,
        int moderatorReserved,
        int maxPerUser,
        int maxPerAddress,
        int maxFrameBytes,
        int clientPingsPerSecond,
        int outboxLimit,
        long outboxBytes,
        int writerThreads,
        Duration pingInterval,
        Duration idleTimeout,
        Clock clock,
        LongSupplier ticker) {
    public WsSettings {
        require(maxConnections > 0, "--max-connections/MAX_CONNECTIONS must be positive");
        require(
                moderatorReserved >= 0 && moderatorReserved < maxConnections,
                "--moderator-reserved-connections/MODERATOR_RESERVED_CONNECTIONS must be at least 0 and less than"
                        + " MAX_CONNECTIONS");
        require(
                maxPerUser >= 0,
                "--max-connections-per-user/MAX_CONNECTIONS_PER_USER must not be negative (0 = unlimited)");
        require(
                maxPerAddress >= 0,
                "--max-connections-per-address/MAX_CONNECTIONS_PER_ADDRESS must not be negative (0 = unlimited)");
        require(maxFrameBytes >= 1024, "--max-frame-bytes/MAX_FRAME_BYTES must be at least 1024");
        require(
                clientPingsPerSecond >= 0,
                "--client-pings-per-second/CLIENT_PINGS_PER_SECOND must not be negative (0 = unlimited)");
        require(outboxLimit > 0, "--outbox-limit/OUTBOX_LIMIT must be positive");
        require(outboxBytes >= 64 * 1024, "--outbox-bytes/OUTBOX_MAX_BYTES must be at least 65536");
        require(writerThreads > 0, "--writer-threads/WRITER_THREADS must be positive");
        require(pingInterval.isPositive(), "--ping-interval-secs/PING_INTERVAL_SECS must be positive");
        require(idleTimeout.isPositive(), "--idle-timeout-secs/IDLE_TIMEOUT_SECS must be positive");
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
