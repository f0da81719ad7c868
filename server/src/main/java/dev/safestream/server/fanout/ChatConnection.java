package dev.safestream.server.fanout;

import dev.safestream.protocol.CloseCode;
import dev.safestream.server.auth.Principal;

/**
 * One client connection as the chat core sees it. Implemented by the transport; every method is non-blocking and
 * callable from any thread.
 */
public interface ChatConnection {
    Principal principal();

    String channel();

    /**
     * Queues one encoded event for delivery; the same {@link Outgoing} may go to many connections. Never blocks: when
     * the connection's outbox is full the connection is closed with {@link CloseCode#SLOW_CONSUMER} and this returns
     * false.
     */
    boolean offer(Outgoing event);

    /** Closes the connection with a code and a short reason; idempotent. */
    void close(CloseCode code, String reason);

    boolean isOpen();
}
