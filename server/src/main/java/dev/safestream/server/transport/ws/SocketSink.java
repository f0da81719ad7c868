package dev.safestream.server.transport.ws;

import java.util.Objects;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.Connection;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.asyncqueue.AsyncQueueWriter;
import org.glassfish.grizzly.asyncqueue.MessageCloner;
import org.glassfish.grizzly.memory.MemoryManager;
import org.glassfish.grizzly.nio.NIOTransport;

/**
 * A WebSocket connection's socket, written straight through the transport's write queue, not through the filter
 * chain: the frames are complete bytes, no filter has anything to add, and the chain's walk cost more than the system
 * call. Nothing is written after the {@link FrameGuard} refused the connection with a close frame.
 */
final class SocketSink implements FrameSink {
    private final Connection<?> connection;
    private final AsyncQueueWriter<?> queue;
    private final FrameGuard.State guard;

    SocketSink(Connection<?> connection) {
        this.connection = connection;
        this.queue =
                ((NIOTransport) connection.getTransport()).getAsyncQueueIO().getWriter();
        // a connection that came in without the guard's filter (none in the server) gets a state nobody refuses
        this.guard = Objects.requireNonNullElseGet(FrameGuard.stateOf(connection), FrameGuard.State::new);
    }

    @Override
    public MemoryManager<?> memory() {
        return connection.getMemoryManager();
    }

    /** Grizzly's writer is generic in the message and peer types; a Buffer to the connection's own peer is the plain case. */
    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public boolean write(Buffer frames, CompletionHandler<WriteResult> done) {
        synchronized (guard) {
            if (guard.refused()) {
                return false;
            }
            ((AsyncQueueWriter) queue).write(connection, null, frames, (CompletionHandler) done, (MessageCloner) null);
            return true;
        }
    }
}
