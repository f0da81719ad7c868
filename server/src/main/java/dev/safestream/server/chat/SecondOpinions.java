package dev.safestream.server.chat;

import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.moderation.Assessment;
import dev.safestream.server.moderation.BatchModerator;
import dev.safestream.server.moderation.ContentModerator;
import dev.safestream.server.workers.SupervisedThread;
import dev.safestream.server.workers.WorkerMeters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The slow half of a cascade classifier (the sentence encoder), on its own thread ({@code safestream-encoder}) so the
 * pipeline thread never waits for it: messages the fast model settles are stored and delivered at once, the
 * uncertain ones a few milliseconds later, in batches that grow with load.
 *
 * <p>Threads: the pipeline thread calls {@link #offer}, {@link #drainSettled} and {@link #outstanding}; the encoder
 * thread runs the classifier and the policy's judgement (both thread-safe) and hands results back through a
 * concurrent queue, so every piece of pipeline state stays on the pipeline thread.
 */
final class SecondOpinions implements AutoCloseable {
    static final int MAX_BATCH = 32;
    /** About a second of encoder work at its batched rate on two cores. */
    static final int CAPACITY = 512;
    /** A deferred message older than this keeps its fast verdict: latency is bounded, quality degrades in a burst. */
    static final long MAX_WAIT_NANOS = 15_000_000;

    static final String WORKER = "safestream-encoder";
    private static final Logger log = LoggerFactory.getLogger(SecondOpinions.class);

    /** A message waiting for its careful verdict. */
    record Pending(
            MessagePipeline.Submission submission,
            ContentModerator.Deferred deferred,
            Instant at,
            long receivedNanos) {}

    /** A finished message; {@code assessment} is null when the classifier failed. */
    record Settled(Pending pending, Assessment assessment) {}

    private final BatchModerator moderator;
    private final ChatMeters meters;
    private final BlockingQueue<Pending> inbox;
    private final ConcurrentLinkedQueue<Settled> settled = new ConcurrentLinkedQueue<>();
    private final AtomicInteger outstanding = new AtomicInteger();
    private final WorkerMeters workerMeters;
    private final SupervisedThread worker;
    private volatile boolean running = true;

    SecondOpinions(BatchModerator moderator, int capacity, ChatMeters meters, WorkerMeters workerMeters) {
        this.moderator = moderator;
        this.meters = meters;
        this.workerMeters = workerMeters;
        this.inbox = new ArrayBlockingQueue<>(capacity);
        this.worker = new SupervisedThread(WORKER, true, this::run, workerMeters);
    }

    boolean alive() {
        return worker.alive();
    }

    void start() {
        worker.start();
    }

    /** False when the encoder is this far behind; the caller then judges the message itself. */
    boolean offer(Pending pending) {
        outstanding.incrementAndGet();
        if (inbox.offer(pending)) {
            meters.encoderDeferred();
            return true;
        }
        outstanding.decrementAndGet();
        return false;
    }

    /** Messages offered and not yet drained. */
    int outstanding() {
        return outstanding.get();
    }

    List<Settled> drainSettled() {
        List<Settled> out = new ArrayList<>();
        Settled s;
        while ((s = settled.poll()) != null) {
            out.add(s);
        }
        outstanding.addAndGet(-out.size());
        return out;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (running || !inbox.isEmpty()) {
            try {
                Pending first = inbox.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                inbox.drainTo(batch, MAX_BATCH - 1);
                settleStale(batch);
                List<Assessment> assessed = moderator.judgeDeferred(
                        batch.stream().map(Pending::deferred).toList());
                for (int i = 0; i < batch.size(); i++) {
                    settled.add(new Settled(batch.get(i), assessed.get(i)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                workerMeters.failed(WORKER);
                log.error("Classifier failed on {} deferred messages", batch.size(), e);
                batch.forEach(p -> settled.add(new Settled(p, null)));
            } finally {
                batch.clear();
            }
        }
    }

    /** Settles messages that waited too long with their fast verdict, and removes them from the batch. */
    private void settleStale(List<Pending> batch) {
        long now = System.nanoTime();
        batch.removeIf(p -> {
            if (now - p.receivedNanos() < MAX_WAIT_NANOS) {
                return false;
            }
            settled.add(new Settled(p, p.deferred().judgeProvisionally()));
            meters.encoderSkipped();
            return true;
        });
    }

    /** Finishes what was offered, then stops. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
