package dev.safestream.server.transport.ws;

import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.memory.MemoryManager;

/** Where a {@link FrameOutbox} writes its frames: a connection's socket ({@link SocketSink}), or a benchmark's sink. */
interface FrameSink {
    /** The memory manager that wraps frames for {@link #write}. */
    MemoryManager<?> memory();

    /**
     * Starts writing {@code frames} (complete WebSocket frames, in order); {@code done} is called when they are out
     * or the write failed, possibly before this returns. Never blocks.
     *
     * @return false when nothing may be written to this connection any more and nothing was
     */
    boolean write(Buffer frames, CompletionHandler<WriteResult> done);
}
