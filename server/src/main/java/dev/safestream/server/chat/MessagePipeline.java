package dev.safestream.server.chat;

import dev.safestream.protocol.ErrorReported;
import dev.safestream.server.fanout.Channel;
import dev.safestream.server.fanout.ChatConnection;
import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.moderation.Assessment;
import dev.safestream.server.moderation.BatchModerator;
import dev.safestream.server.moderation.ContentModerator;
import dev.safestream.server.moderation.workflow.AutoTimeouts;
import dev.safestream.server.moderation.workflow.FeedbackLabels;
import dev.safestream.server.moderation.workflow.ModeratedMessage;
import dev.safestream.server.moderation.workflow.ReviewQueue;
import dev.safestream.server.moderation.workflow.ShadowEvaluator;
import dev.safestream.server.workers.SupervisedThread;
import dev.safestream.server.workers.WorkerMeters;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves accepted chat messages from socket threads to everyone's outboxes: moderate, store, then deliver.
 *
 * <h2>Threads</h2>
 *
 * Socket threads call {@link #submit}, which only offers to a bounded queue and never blocks. One pipeline thread
 * ({@code safestream-pipeline}) takes whatever has queued up (up to {@link #MAX_BATCH}), moderates the batch (rules,
 * then one classifier call for what the rules did not decide: {@link BatchModerator}), stores it in one transaction,
 * and only then delivers ({@link Delivery}). One thread keeps messages in order, lets the spam rules remember each
 * user's recent messages without locks, and lets batch size grow with load: at low rates each batch holds one message
 * and latency is one classify plus one insert; under load the per-message cost of both falls. Channel settings are
 * read from memory ({@link Channel#policy()}); the only database work per batch is the insert.
 *
 * <p>A cascade classifier may defer messages it is unsure of ({@code ToxicityClassifier#classifyQuickly}): those go
 * to {@link SecondOpinions}, whose own thread runs the slow model, and come back to this thread to be stored and
 * delivered. Confident messages therefore never wait behind the encoder; an uncertain message may be delivered a few
 * milliseconds after messages that arrived later (order is kept among messages settled in the same pass). Under a
 * burst the encoder path is skipped rather than waited for: a deferred message that cannot be queued, or that has
 * waited {@link SecondOpinions#MAX_WAIT_NANOS}, keeps the fast model's verdict (counted in
 * {@code safestream_encoder_skipped_total}).
 *
 * <h2>When full</h2>
 *
 * A full queue means the pipeline is behind by {@code capacity} messages. {@link #submit} then returns false and the
 * caller tells the author ({@code error: overloaded}); a message is never dropped without its author knowing.
 *
 * <h2>When storage fails</h2>
 *
 * Nothing is delivered that was not stored: the batch's authors get {@code error: overloaded} and may resend. (Rule
 * memory such as duplicate detection has already seen the batch; a resend within the duplicate window is refused.)
 *
 * <h2>When a message breaks something</h2>
 *
 * Anything a batch throws before it is stored ({@link Error}s included) is contained: the batch is moderated again
 * one message at a time, and only the message that fails on its own is refused ({@code error: message_failed}, not
 * stored, not broadcast). A failure while delivering one stored message skips that message's remaining deliveries;
 * a failing connection is closed by the transport. Each contained failure counts in
 * {@code safestream_worker_failures_total{worker="safestream-pipeline"}}; if the loop itself dies, its
 * {@link SupervisedThread} starts it again. {@link #stalled} tells readiness checks when work waits and nothing moves.
 */
public final class MessagePipeline implements AutoCloseable {
    static final int MAX_BATCH = 256;
    static final String WORKER = "safestream-pipeline";
    /** Work waiting this long without a batch finishing makes the server not ready. */
    static final Duration STALL = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(MessagePipeline.class);

    /**
     * A message accepted from a socket, waiting for moderation.
     *
     * @param exempt the author may moderate, so moderation skips the message
     */
    record Submission(ChatConnection author, Channel channel, String text, boolean exempt, long receivedNanos) {
        String user() {
            return author.principal().username();
        }
    }

    private final BlockingQueue<Submission> queue;
    private final BatchModerator moderator;
    private final MessageRepository messages;
    private final Delivery delivery;
    private final ChatMeters meters;
    private final Clock clock;
    private final MessageIds ids;
    private final SupervisedThread worker;
    private final WorkerMeters workerMeters;
    private final SecondOpinions secondOpinions;
    private volatile boolean running = true;
    private volatile long lastProgressNanos = System.nanoTime();

    /** @param ids where message ids come from; null: counted in memory from the highest stored id */
    public MessagePipeline(
            int capacity,
            BatchModerator moderator,
            MessageRepository messages,
            ReviewQueue reviews,
            AutoTimeouts timeouts,
            ShadowEvaluator shadow,
            FeedbackLabels labels,
            ChatMeters meters,
            WorkerMeters workerMeters,
            Clock clock,
            MessageIds ids) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.moderator = moderator;
        this.messages = messages;
        this.delivery = new Delivery(reviews, timeouts, shadow, labels, meters);
        this.meters = meters;
        this.clock = clock;
        this.ids = ids == null ? MessageIds.inMemory(messages.maxId()) : ids;
        this.workerMeters = workerMeters;
        this.secondOpinions = new SecondOpinions(moderator, SecondOpinions.CAPACITY, meters, workerMeters);
        this.worker = new SupervisedThread(WORKER, false, this::run, workerMeters);
    }

    public void start() {
        secondOpinions.start();
        worker.start();
    }

    /** Non-blocking; false when the pipeline is saturated or stopping. */
    boolean submit(Submission submission) {
        return running && queue.offer(submission);
    }

    public int backlog() {
        return queue.size();
    }

    /**
     * Why the pipeline is not making progress, or null when it is: messages have waited {@link #STALL} without a
     * batch finishing, or a worker thread is down.
     */
    public String stalled() {
        if (!worker.alive() || !secondOpinions.alive()) {
            return "a pipeline worker thread is not running";
        }
        long idleNanos = System.nanoTime() - lastProgressNanos;
        if (queue.isEmpty() || idleNanos < STALL.toNanos()) {
            return null;
        }
        return queue.size() + " messages waiting, no progress for " + TimeUnit.NANOSECONDS.toSeconds(idleNanos) + " s";
    }

    private void run() {
        List<Submission> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty() || secondOpinions.outstanding() > 0) {
            lastProgressNanos = System.nanoTime();
            try {
                finishSecondOpinions();
                // while the encoder works, look back often for its results
                long waitMillis = secondOpinions.outstanding() > 0 ? 1 : 100;
                Submission first = queue.poll(waitMillis, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                process(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Throwable e) {
                workerMeters.failed(WORKER);
                log.error(
                        "Moderation failed on a batch of {} messages; moderating them one at a time", batch.size(), e);
                processOneByOne(batch);
            } finally {
                batch.clear();
            }
        }
    }

    /** After a batch failed: each message alone, so only the one that breaks is refused. */
    private void processOneByOne(List<Submission> batch) {
        if (batch.size() == 1) {
            refuseFailed(batch.get(0));
            return;
        }
        for (Submission s : batch) {
            try {
                process(List.of(s));
            } catch (Throwable e) {
                log.error(
                        "Moderation failed on a message of {} in {}; refused",
                        s.user(),
                        s.channel().name(),
                        e);
                refuseFailed(s);
            }
        }
    }

    private void refuseFailed(Submission s) {
        refuse(List.of(s), ErrorReported.MESSAGE_FAILED, "The server could not process this message; it was not sent");
    }

    private void process(List<Submission> batch) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<BatchModerator.Candidate> candidates = new ArrayList<>(batch.size());
        for (Submission s : batch) {
            candidates.add(new BatchModerator.Candidate(
                    s.channel().name(), s.user(), s.exempt(), s.channel().policy(), s.text()));
        }
        List<ContentModerator.Deferred> deferred = new ArrayList<>();
        List<Assessment> assessments = new ArrayList<>(moderator.assess(candidates, now, deferred));
        for (ContentModerator.Deferred d : deferred) {
            Submission s = batch.get(d.index());
            if (!secondOpinions.offer(new SecondOpinions.Pending(s, d, now, s.receivedNanos()))) {
                // the encoder is a full queue behind: keep the fast model's verdict rather than wait
                assessments.set(d.index(), d.judgeProvisionally());
                meters.encoderSkipped();
            }
        }
        List<Submission> ready = new ArrayList<>(batch.size());
        List<Assessment> readyAssessments = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            if (assessments.get(i) != null) {
                ready.add(batch.get(i));
                readyAssessments.add(assessments.get(i));
            }
        }
        finish(ready, readyAssessments, now);
    }

    /** Stores and delivers the messages whose careful verdicts came back from the encoder thread. */
    private void finishSecondOpinions() {
        List<SecondOpinions.Settled> settled = secondOpinions.drainSettled();
        if (settled.isEmpty()) {
            return;
        }
        List<Submission> failed = new ArrayList<>();
        List<Submission> ready = new ArrayList<>(settled.size());
        List<Assessment> assessments = new ArrayList<>(settled.size());
        for (SecondOpinions.Settled s : settled) {
            if (s.assessment() == null) {
                failed.add(s.pending().submission());
            } else {
                ready.add(s.pending().submission());
                assessments.add(s.assessment());
            }
        }
        refuse(failed, ErrorReported.OVERLOADED, "The server could not moderate your message; please resend it");
        try {
            finish(ready, assessments, settled.get(0).pending().at());
        } catch (Throwable e) {
            workerMeters.failed(WORKER);
            log.error("Finishing {} re-scored messages failed; refused", ready.size(), e);
            refuse(ready, ErrorReported.MESSAGE_FAILED, "The server could not process this message; it was not sent");
        }
    }

    /**
     * Stores the moderated messages in one transaction, then delivers them. A storage failure refuses the whole batch
     * (nothing unstored is delivered); a failure delivering one message is contained to that message.
     */
    private void finish(List<Submission> batch, List<Assessment> assessments, Instant at) {
        if (batch.isEmpty()) {
            return;
        }
        List<ModeratedMessage> moderated = new ArrayList<>(batch.size());
        List<Channel> channels = new ArrayList<>(batch.size());
        try {
            long first = ids.reserve(batch.size());
            for (int i = 0; i < batch.size(); i++) {
                Submission s = batch.get(i);
                channels.add(s.channel());
                moderated.add(new ModeratedMessage(
                        first + i, s.channel().name(), s.user(), s.text(), at, assessments.get(i)));
            }
            messages.saveAll(moderated);
        } catch (RuntimeException e) {
            workerMeters.failed(WORKER);
            log.error("Could not store a batch of {} messages; their authors may resend", batch.size(), e);
            refuse(batch, ErrorReported.OVERLOADED, "The server could not store your message; please resend it");
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            try {
                delivery.deliver(channels.get(i), moderated.get(i));
            } catch (Throwable e) {
                workerMeters.failed(WORKER);
                log.error(
                        "Delivering stored message {} failed; the pipeline carries on",
                        moderated.get(i).id(),
                        e);
            }
            meters.moderated(System.nanoTime() - batch.get(i).receivedNanos());
        }
        try {
            delivery.delivered(channels, moderated);
        } catch (Throwable e) {
            workerMeters.failed(WORKER);
            log.error("Post-delivery work (review queue, timeouts, labels) failed on a batch", e);
        }
    }

    private void refuse(List<Submission> batch, String error, String detail) {
        for (Submission s : batch) {
            try {
                s.channel().sendTo(s.user(), new ErrorReported(error, detail));
            } catch (Throwable e) {
                log.warn("Could not tell {} that their message was refused", s.user(), e);
            }
        }
    }

    /** Stops accepting, finishes every queued message (re-scored ones included), then returns. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        secondOpinions.close();
    }
}
