package dev.safestream.server.app.websocket;

import dev.safestream.server.app.cli.Seconds;
import dev.safestream.server.transport.ws.WsSettings;
import java.time.Clock;
import java.time.Duration;
import java.util.function.IntUnaryOperator;
import java.util.function.LongSupplier;
import picocli.CommandLine.Option;

/** WebSocket connections: how many, how big their frames and outboxes, how often they are pinged. */
public final class WebSocketOptions {
    @Option(
            names = "--max-connections",
            defaultValue = "${env:MAX_CONNECTIONS:-1000}",
            description = "WebSocket connections in all; beyond this they are closed with 1013 (MAX_CONNECTIONS).")
    public int maxConnections;

    @Option(
            names = "--moderator-reserved-connections",
            defaultValue = "${env:MODERATOR_RESERVED_CONNECTIONS:-50}",
            description = "Of --max-connections, how many only moderators and admins may use, so they always get in"
                    + " (MODERATOR_RESERVED_CONNECTIONS).")
    public int moderatorReservedConnections;

    @Option(
            names = "--max-connections-per-user",
            defaultValue = "${env:MAX_CONNECTIONS_PER_USER:-5}",
            description = "WebSocket connections per account or guest token; more are closed with 4010; 0 = unlimited"
                    + " (MAX_CONNECTIONS_PER_USER).")
    public int maxConnectionsPerUser;

    @Option(
            names = "--max-connections-per-address",
            defaultValue = "${env:MAX_CONNECTIONS_PER_ADDRESS:-100}",
            description = "WebSocket connections per client address (moderators excepted); more are closed with 4010;"
                    + " 0 = unlimited (MAX_CONNECTIONS_PER_ADDRESS).")
    public int maxConnectionsPerAddress;

    @Option(
            names = "--max-frame-bytes",
            defaultValue = "${env:MAX_FRAME_BYTES:-65536}",
            description = "Larger WebSocket frames close the connection with 1009 (MAX_FRAME_BYTES).")
    public int maxFrameBytes;

    @Option(
            names = "--client-pings-per-second",
            defaultValue = "${env:CLIENT_PINGS_PER_SECOND:-2}",
            description = "WebSocket pings a client may keep sending, in bursts of 5 s' worth; more close it with 4029"
                    + " (CLIENT_PINGS_PER_SECOND; 0 = unlimited).")
    public int clientPingsPerSecond;

    @Option(
            names = "--outbox-limit",
            defaultValue = "${env:OUTBOX_LIMIT:-1024}",
            description = "Frames queued for one client before it is dropped as too slow, 4008 (OUTBOX_LIMIT).")
    public int outboxLimit;

    @Option(
            names = "--outbox-bytes",
            defaultValue = "${env:OUTBOX_MAX_BYTES:-1048576}",
            description = "Bytes queued for one client before it is dropped as too slow, 4008 (OUTBOX_MAX_BYTES).")
    public long outboxBytes;

    @Option(
            names = "--writer-threads",
            defaultValue = "${env:WRITER_THREADS:-0}",
            description = "Threads that write to client sockets; 0 = one per core (WRITER_THREADS).")
    public int writerThreads;

    @Option(
            names = "--ping-interval-secs",
            defaultValue = "${env:PING_INTERVAL_SECS:-30}",
            converter = Seconds.class,
            description = "How often quiet WebSocket connections are pinged (PING_INTERVAL_SECS).")
    public Duration pingInterval;

    @Option(
            names = "--idle-timeout-secs",
            defaultValue = "${env:IDLE_TIMEOUT_SECS:-90}",
            converter = Seconds.class,
            description = "WebSocket connections silent this long (no frame, no pong) are closed with 4009"
                    + " (IDLE_TIMEOUT_SECS).")
    public Duration idleTimeout;

    /** These settings; {@code perAddress} widens the per-address connection budget (the demo's bots). */
    public WsSettings settings(Clock clock, LongSupplier ticker, IntUnaryOperator perAddress) {
        return new WsSettings(
                maxConnections,
                moderatorReservedConnections,
                maxConnectionsPerUser,
                perAddress.applyAsInt(maxConnectionsPerAddress),
                maxFrameBytes,
                clientPingsPerSecond,
                outboxLimit,
                outboxBytes,
                writerThreads > 0 ? writerThreads : Runtime.getRuntime().availableProcessors(),
                pingInterval,
                idleTimeout,
                clock,
                ticker);
    }
}
