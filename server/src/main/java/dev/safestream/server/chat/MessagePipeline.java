package dev.safestream.server.chat;

import dev.safestream.protocol.ErrorReported;
import dev.safestream.server.moderation.Assessment;
import dev.safestream.server.moderation.BatchModerator;
import dev.safestream.server.moderation.ContentModerator;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 */
public final class MessagePipeline implements AutoCloseable {
    static final int MAX_BATCH = 256;
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
    private final AtomicLong ids;
    private final Thread worker;
    private final SecondOpinions secondOpinions;
    private volatile boolean running = true;

    public MessagePipeline(
            int capacity,
            BatchModerator moderator,
            MessageRepository messages,
            ReviewQueue reviews,
            AutoTimeouts timeouts,
            ShadowEvaluator shadow,
            FeedbackLabels labels,
            ChatMeters meters,
            Clock clock) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.moderator = moderator;
        this.messages = messages;
        this.delivery = new Delivery(reviews, timeouts, shadow, labels, meters);
        this.meters = meters;
        this.clock = clock;
        this.ids = new AtomicLong(messages.maxId());
        this.secondOpinions = new SecondOpinions(moderator, SecondOpinions.CAPACITY, meters);
        this.worker =
                Thread.ofPlatform().name("safestream-pipeline").daemon(false).unstarted(this::run);
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

    private void run() {
        List<Submission> batch = new ArrayList<>(MAX_BATCH);
        while (running || !queue.isEmpty() || secondOpinions.outstanding() > 0) {
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
            } catch (RuntimeException e) {
                log.error("Moderation pipeline failed on a batch of {} messages", batch.size(), e);
                refuse(batch, "The server could not store your message; please resend it");
            } finally {
                batch.clear();
            }
        }
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
        refuse(failed, "The server could not moderate your message; please resend it");
        try {
            finish(ready, assessments, settled.get(0).pending().at());
        } catch (RuntimeException e) {
            log.error("Moderation pipeline failed on {} re-scored messages", ready.size(), e);
            refuse(ready, "The server could not store your message; please resend it");
        }
    }

    /** Stores the moderated messages in one transaction, then delivers them. */
    private void finish(List<Submission> batch, List<Assessment> assessments, Instant at) {
        if (batch.isEmpty()) {
            return;
        }
        List<ModeratedMessage> moderated = new ArrayList<>(batch.size());
        List<Channel> channels = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Submission s = batch.get(i);
            channels.add(s.channel());
            moderated.add(new ModeratedMessage(
                    ids.incrementAndGet(), s.channel().name(), s.user(), s.text(), at, assessments.get(i)));
        }
        messages.saveAll(moderated);
        for (int i = 0; i < batch.size(); i++) {
            delivery.deliver(channels.get(i), moderated.get(i));
            meters.moderated(System.nanoTime() - batch.get(i).receivedNanos());
        }
        delivery.delivered(channels, moderated);
    }

    private void refuse(List<Submission> batch, String detail) {
        for (Submission s : batch) {
            s.channel().sendTo(s.user(), new ErrorReported(ErrorReported.OVERLOADED, detail));
        }
    }

    /** Stops accepting, finishes every queued message (re-scored ones included), then returns. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        secondOpinions.close();
    }
}
