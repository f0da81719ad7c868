package dev.safestream.server.transport.ws;

import dev.safestream.server.workers.SupervisedThread;
import dev.safestream.server.workers.WorkerMeters;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * The writer threads ({@code safestream-writer-N}, default one per core): every connection belongs to one, which
 * does all of that connection's socket writes. Whoever queues a frame (the pipeline, an HTTP thread) only marks the
 * connection ready; its writer takes everything queued for it and writes it with one gathered write. Nobody waits
 * for a socket, and writes for different connections run on every core.
 */
final class Writers implements AutoCloseable {
    private final Writer[] writers;
    private final AtomicInteger next = new AtomicInteger();

    Writers(int threads, WorkerMeters meters) {
        writers = new Writer[Math.max(1, threads)];
        for (int i = 0; i < writers.length; i++) {
            writers[i] = new Writer("safestream-writer-" + i, meters);
        }
    }

    void start() {
        for (Writer w : writers) {
            w.thread.start();
        }
    }

    /** The writer for a new connection, round robin. */
    Writer assign() {
        return writers[Math.floorMod(next.getAndIncrement(), writers.length)];
    }

    @Override
    public void close() {
        for (Writer w : writers) {
            w.running = false;
            w.wake();
        }
        for (Writer w : writers) {
            try {
                w.thread.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** One writer thread and the outboxes that are ready for it, in the order they became ready. */
    static final class Writer {
        private final ConcurrentLinkedQueue<FrameOutbox> ready = new ConcurrentLinkedQueue<>();
        private final SupervisedThread thread;
        private volatile Thread current;
        private volatile boolean sleeping;
        private volatile boolean running = true;

        Writer(String name, WorkerMeters meters) {
            this.thread = new SupervisedThread(name, true, this::loop, meters);
        }

        /** Called by any thread; never blocks. */
        void schedule(FrameOutbox outbox) {
            ready.add(outbox);
            if (sleeping) {
                wake();
            }
        }

        private void wake() {
            Thread t = current;
            if (t != null) {
                LockSupport.unpark(t);
            }
        }

        private void loop() {
            current = Thread.currentThread();
            while (running || !ready.isEmpty()) { // on close, what is ready (goodbyes, closes) is still written
                FrameOutbox outbox = ready.poll();
                if (outbox != null) {
                    outbox.flush(); // contains its own failures: one connection's trouble stays with it
                    continue;
                }
                sleeping = true;
                if (ready.isEmpty() && running) {
                    LockSupport.park(this);
                }
                sleeping = false;
            }
        }
    }
}
