package dev.safestream.server.transport.ws;

import dev.safestream.protocol.CloseCode;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.fanout.ChatConnection;
import dev.safestream.server.fanout.Outgoing;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Tyrus session seen as a {@link ChatConnection}. Tyrus owns the handshake, reading, control frames and closing;
 * events go out as prebuilt frames through a {@link FrameOutbox} written by this connection's {@link Writers.Writer}
 * straight to the Grizzly connection underneath (no per-send Tyrus framing, no idle-timeout rescheduling per send).
 */
final class WsConnection implements ChatConnection {
    private static final Logger log = LoggerFactory.getLogger(WsConnection.class);
    static final java.time.Duration CLOSE_WAIT = java.time.Duration.ofSeconds(2);

    private final Session session;
    private final Principal principal;
    private final String channel;
    private final FrameOutbox outbox;
    private final ConnectionRegistry closer;
    private final Clock clock;
    private final Runnable onSlowConsumer;
    private final ConnectionRegistry.Slot slot;
    private final AtomicBoolean closing = new AtomicBoolean();
    private volatile Instant lastSeen;

    WsConnection(
            Session session,
            Principal principal,
            String channel,
            org.glassfish.grizzly.Connection<?> socket,
            Writers.Writer writer,
            int outboxLimit,
            long outboxBytes,
            boolean batched,
            ConnectionRegistry closer,
            Clock clock,
            Runnable onSlowConsumer,
            ConnectionRegistry.Slot slot) {
        this.session = session;
        this.principal = principal;
        this.channel = channel;
        this.closer = closer;
        this.clock = clock;
        this.onSlowConsumer = onSlowConsumer;
        this.slot = slot;
        this.outbox = new FrameOutbox(
                new SocketSink(socket),
                writer,
                outboxLimit,
                outboxBytes,
                batched,
                () -> close(CloseCode.GOING_AWAY, "Write failed"));
        this.lastSeen = clock.instant();
    }

    @Override
    public Principal principal() {
        return principal;
    }

    @Override
    public String channel() {
        return channel;
    }

    @Override
    public boolean offer(Outgoing frame) {
        if (closing.get()) {
            return false;
        }
        boolean accepted;
        try {
            accepted = outbox.offer(frame);
        } catch (Throwable e) {
            // whatever went wrong stays with this connection: the broadcasting thread moves on to the next one
            log.warn("Writing to {} failed; closing the connection", principal.username(), e);
            close(CloseCode.INTERNAL_ERROR, "Write failed");
            return false;
        }
        if (!accepted) {
            onSlowConsumer.run();
            close(CloseCode.SLOW_CONSUMER, "Too slow: outbox overflowed");
            return false;
        }
        return true;
    }

    @Override
    public void close(CloseCode code, String reason) {
        if (!closing.compareAndSet(false, true)) {
            return;
        }
        AtomicBoolean closed = new AtomicBoolean();
        Runnable closeSession = () -> {
            if (closed.compareAndSet(false, true)) {
                closer.closeLater(() -> {
                    try {
                        session.close(
                                new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), truncate(reason)));
                    } catch (Throwable e) {
                        log.debug("Closing session of {} failed", principal.username(), e);
                    }
                });
            }
        };
        // Tyrus writes the close frame itself: it must follow the last event this connection's writer sends (data
        // after a close frame is a protocol error), so the writer starts the close once its queue is written; a client
        // that does not read (its write never completes) is closed after CLOSE_WAIT all the same
        outbox.closeAfterFlush(closeSession);
        closer.closeLater(closeSession, CLOSE_WAIT);
    }

    @Override
    public boolean isOpen() {
        return !closing.get() && session.isOpen();
    }

    ConnectionRegistry.Slot slot() {
        return slot;
    }

    void touch() {
        lastSeen = clock.instant();
    }

    Instant lastSeen() {
        return lastSeen;
    }

    void ping() {
        try {
            session.getAsyncRemote().sendPing(ByteBuffer.allocate(0));
        } catch (Throwable e) {
            close(CloseCode.GOING_AWAY, "Ping failed");
        }
    }

    /** Close reasons are limited to 123 UTF-8 bytes by RFC 6455. */
    private static String truncate(String reason) {
        String r = reason == null ? "" : reason;
        while (r.getBytes(StandardCharsets.UTF_8).length > 123) {
            r = r.substring(0, r.length() - 1);
        }
        return r;
    }
}
