package dev.safestream.server.transport.ws;

import dev.safestream.server.fanout.Outgoing;
import dev.safestream.server.workers.WorkerMeters;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.glassfish.grizzly.Buffer;
import org.glassfish.grizzly.CompletionHandler;
import org.glassfish.grizzly.WriteResult;
import org.glassfish.grizzly.memory.MemoryManager;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The fan-out engine alone: one event offered to N connections' outboxes, written by the writer threads as gathered
 * writes into sinks that take every write at once (a socket that is never full; the kernel's share is not in here).
 * One operation is one event delivered to every connection, so deliveries per second = ops/s × connections.
 *
 * <p>{@code single}: each event is written before the next is offered (light load: one frame per write).
 * {@code burst}: {@link #BURST} events are offered back to back (load: writes gather several frames).
 * Run: {@code MODULE=server benchmarks/jmh.sh FanOutBenchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 4, time = 1)
@Measurement(iterations = 10, time = 1)
@Fork(1)
public class FanOutBenchmark {
    static final int BURST = 16;
    private static final String EVENT = "{\"type\":\"chat\",\"id\":123456,\"user\":\"viewer_42\",\"message\":\"that"
            + " play was amazing, gg everyone\",\"toxic\":false,\"score\":0.0123,\"ts\":\"2026-12-01T18:00:00Z\","
            + "\"channel\":\"main\"}";

    @Param({"1000", "10000"})
    int connections;

    @Param({"1", "2"})
    int writerThreads;

    private Writers writers;
    private FrameOutbox[] outboxes;
    private final Progress progress = new Progress();

    @Setup(Level.Trial)
    public void start() {
        writers = new Writers(writerThreads, new WorkerMeters(new SimpleMeterRegistry()));
        writers.start();
        outboxes = new FrameOutbox[connections];
        for (int i = 0; i < connections; i++) {
            outboxes[i] = new FrameOutbox(new CountingSink(progress), writers.assign(), 1_000, 1 << 20, false, () -> {
                throw new IllegalStateException("a benchmark write failed");
            });
        }
    }

    @TearDown(Level.Trial)
    public void stop() {
        writers.close();
    }

    @Benchmark
    public long single() {
        offer(new Outgoing(EVENT));
        return awaitWritten();
    }

    @Benchmark
    @org.openjdk.jmh.annotations.OperationsPerInvocation(BURST)
    public long burst() {
        for (int i = 0; i < BURST; i++) {
            offer(new Outgoing(EVENT));
        }
        return awaitWritten();
    }

    private void offer(Outgoing event) {
        progress.expected += connections;
        for (FrameOutbox outbox : outboxes) {
            outbox.offer(event);
        }
    }

    /**
     * Checks every 10 µs until the writers have written everything offered: spinning would take a core from them,
     * and a shared counter they signal through would make them contend for its cache line.
     */
    private long awaitWritten() {
        while (progress.delivered.sum() < progress.expected) {
            LockSupport.parkNanos(10_000);
        }
        return progress.expected;
    }

    /** Frames written so far and frames offered so far. */
    static final class Progress {
        final LongAdder delivered = new LongAdder();
        long expected;

        void add(long frames) {
            delivered.add(frames);
        }
    }

    /** A socket that takes every write at once; counts the frames in it (every frame here is the same size). */
    private static final class CountingSink implements FrameSink {
        private final Progress progress;
        private int frameBytes;

        CountingSink(Progress progress) {
            this.progress = progress;
        }

        @Override
        public MemoryManager<?> memory() {
            return MemoryManager.DEFAULT_MEMORY_MANAGER;
        }

        @Override
        public boolean write(Buffer frames, CompletionHandler<WriteResult> done) {
            if (frameBytes == 0) {
                frameBytes = WsFrames.text(EVENT).remaining();
            }
            progress.add(frames.remaining() / frameBytes);
            done.completed(null);
            return true;
        }
    }
}
