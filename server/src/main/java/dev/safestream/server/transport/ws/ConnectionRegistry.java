package dev.safestream.server.transport.ws;

import dev.safestream.protocol.CloseCode;
import dev.safestream.server.limits.Limit;
import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.workers.Guarded;
import dev.safestream.server.workers.WorkerMeters;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Every open WebSocket connection: admits new ones within the limits (server, per user, per address, with capacity
 * held back for moderators), pings idle clients and closes silent ones. Closes run on a dedicated thread
 * ({@code safestream-ws-close}) so that no caller waits on a socket.
 */
final class ConnectionRegistry {
    static final String CLOSER = "safestream-ws-close";

    private final Set<WsConnection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger reserved = new AtomicInteger();
    private final Map<String, AtomicInteger> perUser = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final WsSettings settings;
    private final LimitMeters limits;
    private final WorkerMeters workers;
    private final ScheduledExecutorService closer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name(CLOSER).daemon(true).factory());

    private final Writers writers;

    ConnectionRegistry(WsSettings settings, LimitMeters limits, WorkerMeters workers) {
        this.settings = settings;
        this.limits = limits;
        this.workers = workers;
        this.writers = new Writers(settings.writerThreads(), workers);
        writers.start();
    }

    Writers writers() {
        return writers;
    }

    /** What {@link #admit} decided. */
    sealed interface Admission permits Slot, Refusal {}

    /** A place taken by one connection; {@link #release} gives it back (once). */
    final class Slot implements Admission {
        private final String user;
        private final String address;
        private final AtomicBoolean released = new AtomicBoolean();

        private Slot(String user, String address) {
            this.user = user;
            this.address = address;
        }

        void release() {
            if (released.compareAndSet(false, true)) {
                reserved.decrementAndGet();
                decrement(perUser, user);
                if (address != null) {
                    decrement(perAddress, address);
                }
            }
        }
    }

    /** Why a connection was not admitted. */
    record Refusal(Limit limit, CloseCode code, String reason) implements Admission {}

    /**
     * Takes a place for a connection, or says which limit refuses it.
     *
     * @param privileged moderators and admins: may use the reserved capacity, not counted per address
     */
    Admission admit(String username, String address, boolean privileged) {
        int ceiling = privileged ? settings.maxConnections() : settings.maxConnections() - settings.moderatorReserved();
        if (reserved.incrementAndGet() > ceiling) {
            reserved.decrementAndGet();
            return refuse(Limit.CONNECTIONS_SERVER, CloseCode.TRY_AGAIN_LATER, "Server is full, try again later");
        }
        String user = username.toLowerCase(Locale.ROOT);
        if (!increment(perUser, user, settings.maxPerUser())) {
            reserved.decrementAndGet();
            return refuse(
                    Limit.CONNECTIONS_PER_USER,
                    CloseCode.TOO_MANY_CONNECTIONS,
                    "Too many connections for this account (at most " + settings.maxPerUser() + ")");
        }
        String counted = privileged ? null : address;
        if (counted != null && !increment(perAddress, counted, settings.maxPerAddress())) {
            reserved.decrementAndGet();
            decrement(perUser, user);
            return refuse(
                    Limit.CONNECTIONS_PER_ADDRESS,
                    CloseCode.TOO_MANY_CONNECTIONS,
                    "Too many connections from your address (at most " + settings.maxPerAddress() + ")");
        }
        return new Slot(user, counted);
    }

    private Refusal refuse(Limit limit, CloseCode code, String reason) {
        limits.rejected(limit);
        return new Refusal(limit, code, reason);
    }

    /** Counts one more for {@code key} unless that passes {@code max} (0 = no limit). */
    private static boolean increment(Map<String, AtomicInteger> counts, String key, int max) {
        boolean[] admitted = {false};
        counts.compute(key, (k, count) -> {
            AtomicInteger c = count == null ? new AtomicInteger() : count;
            if (max <= 0 || c.get() < max) {
                c.incrementAndGet();
                admitted[0] = true;
            }
            return c.get() == 0 ? null : c;
        });
        return admitted[0];
    }

    private static void decrement(Map<String, AtomicInteger> counts, String key) {
        counts.computeIfPresent(key, (k, c) -> c.decrementAndGet() <= 0 ? null : c);
    }

    void add(WsConnection connection) {
        connections.add(connection);
    }

    void remove(WsConnection connection) {
        if (connections.remove(connection)) {
            connection.slot().release();
        }
    }

    /** Runs a close on the close thread; a close that throws is counted and the thread lives on. */
    void closeLater(Runnable close) {
        closeLater(close, java.time.Duration.ZERO);
    }

    /** Like {@link #closeLater(Runnable)}, after {@code delay}. */
    void closeLater(Runnable close, java.time.Duration delay) {
        try {
            closer.schedule(
                    Guarded.task(CLOSER, workers, close), delay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (RuntimeException rejectedAfterShutdown) {
            close.run();
        }
    }

    ScheduledExecutorService closer() {
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
