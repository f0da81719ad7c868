package dev.safestream.server.transport.ws;

import dev.safestream.protocol.CloseCode;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every open WebSocket connection: enforces the connection limit, pings idle clients and closes silent ones. Closes
 * run on a dedicated thread ({@code safestream-ws-close}) so that no caller waits on a socket.
 */
final class ConnectionRegistry {
    private final Set<WsConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reserved = new AtomicInteger();
    private final WsSettings settings;
    private final ExecutorService closer = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("safestream-ws-close").daemon(true).factory());

    ConnectionRegistry(WsSettings settings) {
        this.settings = settings;
    }

    boolean tryReserve() {
        if (reserved.incrementAndGet() > settings.maxConnections()) {
            reserved.decrementAndGet();
            return false;
        }
        return true;
    }

    void add(WsConnection connection) {
        connections.add(connection);
    }

    void remove(WsConnection connection) {
        if (connections.remove(connection)) {
            reserved.decrementAndGet();
        }
    }

    ExecutorService closer() {
        return closer;
    }

    int size() {
        return connections.size();
    }

    /** Called by the scheduler every ping interval: pings everyone, closes those silent past the idle timeout. */
    void sweep() {
        Instant cutoff = settings.clock().instant().minus(settings.idleTimeout());
        for (WsConnection c : connections) {
            if (c.lastSeen().isBefore(cutoff)) {
                c.close(CloseCode.IDLE_TIMEOUT, "No activity");
            } else {
                c.ping();
            }
        }
    }

    /** Closes every connection with {@link CloseCode#GOING_AWAY} (server shutdown). */
    void closeAll() {
        for (WsConnection c : connections) {
            c.close(CloseCode.GOING_AWAY, "Server shutting down");
        }
    }
}
