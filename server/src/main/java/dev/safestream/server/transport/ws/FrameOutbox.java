package dev.safestream.server.transport.ws;

import dev.safestream.server.fanout.Outgoing;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.EmptyCompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.memory.Buffers;
import org.glassfish.grizzly.memory.CompositeBuffer;
import org.glassfish.grizzly.memory.MemoryManager;

/**
 * A connection's bounded queue of outgoing events and its place on a {@link Writers.Writer}.
 *
 * <p>{@link #offer} (any thread) never blocks: it queues the event and, when the connection is not already waiting
 * for its writer or writing, hands it to its writer. The writer ({@link #flush}) takes everything queued, up to
 * {@link #MAX_GATHER_FRAMES} frames or {@link #MAX_GATHER_BYTES} bytes, and writes it with one gathered write of the
 * shared, prebuilt frames: several frames, one system call, no copy. While a write is in flight nothing else is
 * written for this connection, so events queue up and the next write carries them all: batches grow with load and a
 * lone event leaves at once. Order is kept: one queue, one writer, one write at a time.
 *
 * <p>Limits: more than {@code maxFrames} events or {@code maxBytes} bytes waiting means the client does not read;
 * {@link #offer} then returns false and the owner drops the client (4008). Batched connections ({@code batch=1}) get
 * what is waiting joined into one JSON array frame instead.
 */
final class FrameOutbox {
    static final int MAX_GATHER_FRAMES = 256;
    static final int MAX_GATHER_BYTES = 256 * 1024;

    private static final int IDLE = 0;
    private static final int READY = 1;
    private static final int WRITING = 2;

    private final FrameSink sink;
    private final MemoryManager<?> memory;
    private final Writers.Writer writer;
    private final int maxFrames;
    private final long maxBytes;
    private final boolean batched;
    private final Runnable onFailure;
    private final ConcurrentLinkedQueue<Outgoing> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger frames = new AtomicInteger();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final Written written = new Written();
    private volatile boolean failed;
    private volatile Runnable closeTask;

    FrameOutbox(
            FrameSink sink, Writers.Writer writer, int maxFrames, long maxBytes, boolean batched, Runnable onFailure) {
        this.sink = sink;
        this.memory = sink.memory();
        this.writer = writer;
        this.maxFrames = maxFrames;
        this.maxBytes = maxBytes;
        this.batched = batched;
        this.onFailure = onFailure;
    }

    /** @return false when the limits are exceeded (the client is too slow) */
    boolean offer(Outgoing event) {
        if (failed || closeTask != null) {
            return true; // the connection is being closed; nothing more will be written
        }
        long size = frame(event).remaining();
        if (frames.incrementAndGet() > maxFrames || bytes.addAndGet(size) > maxBytes) {
            frames.decrementAndGet();
            bytes.addAndGet(-size);
            return false;
        }
        queue.add(event);
        if (state.compareAndSet(IDLE, READY)) {
            writer.schedule(this);
        }
        return true;
    }

    /**
     * Stops taking events and runs {@code close} on the writer once everything already queued has been handed to the
     * socket, so that a close frame written after it follows the last event.
     */
    void closeAfterFlush(Runnable close) {
        closeTask = close;
        if (state.compareAndSet(IDLE, READY)) {
            writer.schedule(this);
        }
    }

    /** Writer thread only, with the state READY. */
    void flush() {
        try {
            Buffer batch = batched ? takeJoined() : takeFrames();
            if (batch == null) {
                Runnable close = closeTask;
                if (close != null) {
                    failed = true; // nothing is written after this
                    close.run();
                    return;
                }
                state.set(IDLE);
                if ((!queue.isEmpty() || closeTask != null) && state.compareAndSet(IDLE, READY)) {
                    writer.schedule(this);
                }
                return;
            }
            state.set(WRITING);
            write(batch);
        } catch (Throwable e) {
            fail();
        }
    }

    /** Up to the gather limits of the queued frames, each a view of its shared frame. */
    private Buffer takeFrames() {
        Buffer first = null;
        CompositeBuffer composite = null;
        int n = 0;
        long size = 0;
        Outgoing event;
        while (n < MAX_GATHER_FRAMES && size < MAX_GATHER_BYTES && (event = queue.poll()) != null) {
            ByteBuffer view = frame(event).duplicate();
            Buffer wrapped = Buffers.wrap(memory, view);
            size += view.remaining();
            n++;
            if (first == null) {
                first = wrapped;
            } else {
                if (composite == null) {
                    composite = CompositeBuffer.newBuffer(memory, first);
                    composite.allowInternalBuffersDispose(false);
                    composite.allowBufferDispose(false);
                }
                composite.append(wrapped);
            }
        }
        release(n, size);
        return composite != null ? composite : first;
    }

    /** Everything queued (up to the gather limits) as one JSON array frame, or the single event as it is. */
    private Buffer takeJoined() {
        List<Outgoing> events = new ArrayList<>();
        long size = 0;
        Outgoing event;
        while (events.size() < MAX_GATHER_FRAMES && size < MAX_GATHER_BYTES && (event = queue.poll()) != null) {
            events.add(event);
            size += frame(event).remaining();
        }
        release(events.size(), size);
        if (events.isEmpty()) {
            return null;
        }
        if (events.size() == 1) {
            return Buffers.wrap(memory, frame(events.get(0)).duplicate());
        }
        StringBuilder array = new StringBuilder((int) size + events.size() + 2).append('[');
        for (int i = 0; i < events.size(); i++) {
            array.append(i == 0 ? "" : ",").append(events.get(i).json());
        }
        return Buffers.wrap(memory, WsFrames.text(array.append(']').toString()));
    }

    private void write(Buffer batch) {
        if (!sink.write(batch, written)) {
            // a 1009 close frame went out: nothing may follow it, and the guard closes the connection after letting
            // the client's frame drain; closing the session here as well would close the socket at once, and the
            // reset could reach the client before the close frame
            failed = true;
            queue.clear();
        }
    }

    private void release(int n, long size) {
        frames.addAndGet(-n);
        bytes.addAndGet(-size);
    }

    private static ByteBuffer frame(Outgoing event) {
        return event.wire(WsFrames::text);
    }

    private void fail() {
        failed = true;
        queue.clear();
        onFailure.run();
    }

    /** One per connection: the end of a write frees the connection for the next batch. */
    private final class Written extends EmptyCompletionHandler<WriteResult> {
        @Override
        public void completed(WriteResult result) {
            state.set(IDLE);
            if ((!queue.isEmpty() || closeTask != null) && state.compareAndSet(IDLE, READY)) {
                writer.schedule(FrameOutbox.this);
            }
        }

        @Override
        public void failed(Throwable error) {
            fail();
        }
    }
}
