package dev.safestream.server.transport.ws;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A connection's bounded queue of encoded frames, written with at most one asynchronous send in flight.
 *
 * <p>{@link #offer} never blocks: it enqueues and, if no send is in flight, starts one. Each completed send starts the
 * next, so a connection drains at the speed its client reads. When more than {@code limit} frames are waiting the
 * offer fails and the owner drops the client; nobody else waits for it.
 *
 * <p>Batched connections (clients that asked for {@code batch=1}) get everything waiting joined into one JSON array
 * frame, which cuts the number of socket writes under load.
 *
 * <p>Tyrus may complete a send on the calling thread; {@link #pump} loops instead of recursing, so a long queue cannot
 * overflow the stack.
 */
final class Outbox {
    private static final int MAX_BATCH_CHARS = 64 * 1024;

    private final RemoteEndpoint.Async remote;
    private final int limit;
    private final boolean batched;
    private final Runnable onFailure;
    private final ConcurrentLinkedQueue<String> frames = new ConcurrentLinkedQueue<>();
    private final AtomicInteger size = new AtomicInteger();
    private final AtomicBoolean sending = new AtomicBoolean();
    /** A send threw: the outbox stays "sending" for good and refuses everything, while its owner closes it. */
    private volatile boolean failed;

    Outbox(RemoteEndpoint.Async remote, int limit, boolean batched, Runnable onFailure) {
        this.remote = remote;
        this.limit = limit;
        this.batched = batched;
        this.onFailure = onFailure;
    }

    /** @return false when the outbox is full (the client is too slow) */
    boolean offer(String frame) {
        if (failed) {
            return true; // the connection is being closed; nothing more will be written
        }
        if (size.incrementAndGet() > limit) {
            size.decrementAndGet();
            return false;
        }
        frames.add(frame);
        pump();
        return true;
    }

    int size() {
        return size.get();
    }

    private void pump() {
        while (sending.compareAndSet(false, true)) {
            String next = batched ? pollBatch() : poll();
            if (next == null) {
                sending.set(false);
                if (frames.isEmpty()) {
                    return;
                }
                continue;
            }
            // 0 = in flight, 1 = completed before send returned, 2 = send returned first
            AtomicInteger state = new AtomicInteger();
            try {
                remote.sendText(next, result -> completed(result, state));
            } catch (Throwable e) {
                // Tyrus failed to frame or write (a closed session, an unencodable string): this connection is done,
                // and the sender, often the pipeline thread, carries on
                failed = true;
                frames.clear();
                size.set(0);
                onFailure.run();
                return;
            }
            if (state.compareAndSet(0, 2)) {
                return; // the completion handler continues the pump
            }
            sending.set(false);
        }
    }

    private void completed(SendResult result, AtomicInteger state) {
        if (!result.isOK()) {
            onFailure.run();
        }
        if (!state.compareAndSet(0, 1)) {
            sending.set(false);
            pump();
        }
    }

    private String poll() {
        String frame = frames.poll();
        if (frame != null) {
            size.decrementAndGet();
        }
        return frame;
    }

    private String pollBatch() {
        String first = poll();
        if (first == null || frames.isEmpty()) {
            return first;
        }
        StringBuilder batch = new StringBuilder(first.length() * 4).append('[').append(first);
        String next;
        while (batch.length() < MAX_BATCH_CHARS && (next = poll()) != null) {
            batch.append(',').append(next);
        }
        return batch.append(']').toString();
    }
}
