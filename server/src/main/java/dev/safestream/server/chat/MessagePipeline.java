package dev.safestream.server.chat;

import dev.safestream.protocol.ChatPosted;
import dev.safestream.protocol.ErrorReported;
import dev.safestream.server.moderation.Decision;
import dev.safestream.server.moderation.ModerationPolicy;
import dev.safestream.server.moderation.ToxicityClassifier;
import dev.safestream.server.moderation.Verdict;
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
 * Moves accepted chat messages from socket threads to everyone's outboxes: classify, store, then deliver.
 *
 * <h2>Threads</h2>
 *
 * Socket threads call {@link #submit}, which only offers to a bounded queue and never blocks. One pipeline thread
 * ({@code safestream-pipeline}) takes whatever has queued up (up to {@link #MAX_BATCH}), scores the batch with one
 * classifier call, stores it in one transaction, and only then broadcasts. One thread keeps messages in order and
 * lets batch size grow with load: at low rates each batch holds one message and latency is one classify plus one
 * insert; under load the per-message cost of both falls.
 *
 * <h2>When full</h2>
 *
 * A full queue means the pipeline is behind by {@code capacity} messages. {@link #submit} then returns false and the
 * caller tells the author ({@code error: overloaded}); a message is never dropped without its author knowing.
 *
 * <h2>When storage fails</h2>
 *
 * Nothing is broadcast that was not stored: the batch's authors get {@code error: overloaded} and may resend.
 */
public final class MessagePipeline implements AutoCloseable {
    static final int MAX_BATCH = 256;
    private static final Logger log = LoggerFactory.getLogger(MessagePipeline.class);

    /** A message accepted from a socket, waiting for moderation. */
    record Submission(ChatConnection author, Channel channel, String text, long receivedNanos) {}

    private final BlockingQueue<Submission> queue;
    private final ToxicityClassifier classifier;
    private final MessageRepository messages;
    private final ChatMeters meters;
    private final Clock clock;
    private final AtomicLong ids;
    private final Thread worker;
    private volatile boolean running = true;

    public MessagePipeline(
            int capacity, ToxicityClassifier classifier, MessageRepository messages, ChatMeters meters, Clock clock) {
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.classifier = classifier;
        this.messages = messages;
        this.meters = meters;
        this.clock = clock;
        this.ids = new AtomicLong(messages.maxId());
        this.worker =
                Thread.ofPlatform().name("safestream-pipeline").daemon(false).unstarted(this::run);
    }

    public void start() {
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
        while (running || !queue.isEmpty()) {
            try {
                Submission first = queue.poll(100, TimeUnit.MILLISECONDS);
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
        List<String> texts = batch.stream().map(Submission::text).toList();
        List<Verdict> verdicts = classifier.classifyAll(texts);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        List<ChatPosted> posted = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            posted.add(toEvent(batch.get(i), verdicts.get(i), now));
        }
        messages.saveAll(posted);
        for (int i = 0; i < batch.size(); i++) {
            deliver(batch.get(i), posted.get(i));
        }
    }

    private ChatPosted toEvent(Submission s, Verdict verdict, Instant now) {
        ModerationPolicy policy = s.channel().policy();
        Decision decision = policy.decide(verdict.score());
        boolean toxic = decision != Decision.ALLOW;
        String reason = toxic ? reason(decision, verdict, policy) : null;
        return new ChatPosted(
                ids.incrementAndGet(),
                s.author().principal().username(),
                s.text(),
                toxic,
                Math.round(verdict.score() * 1000) / 1000.0,
                now,
                s.channel().name(),
                verdict.categories().isEmpty() ? null : verdict.categories(),
                decision == Decision.BLOCK,
                false,
                reason,
                null,
                false);
    }

    private static String reason(Decision decision, Verdict verdict, ModerationPolicy policy) {
        String threshold = decision == Decision.BLOCK
                ? "score ≥ block threshold " + policy.blockThreshold()
                : "score ≥ flag threshold " + policy.flagThreshold();
        return verdict.evidence().isEmpty()
                ? threshold
                : threshold + "; matched: " + String.join(", ", verdict.evidence());
    }

    private void deliver(Submission s, ChatPosted event) {
        s.channel().countMessage(event);
        if (event.blocked()) {
            s.channel().sendTo(event.user(), event);
        } else {
            s.channel().broadcast(event);
            meters.messageOut();
        }
        meters.moderated(System.nanoTime() - s.receivedNanos());
    }

    private void refuse(List<Submission> batch, String detail) {
        for (Submission s : batch) {
            s.channel().sendTo(s.author().principal().username(), new ErrorReported(ErrorReported.OVERLOADED, detail));
        }
    }

    /** Stops accepting, finishes every queued message, then returns. */
    @Override
    public void close() {
        running = false;
        try {
            worker.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
