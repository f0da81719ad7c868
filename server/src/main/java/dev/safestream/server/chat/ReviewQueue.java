package dev.safestream.server.chat;

import dev.safestream.protocol.ReviewDecided;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.moderation.ReviewDecision;
import dev.safestream.server.moderation.ReviewState;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Messages held for review, and moderators' decisions on them.
 *
 * <h2>Merging decisions</h2>
 *
 * Several moderators may decide the same message. Its state is the most restrictive decision so far
 * ({@link ReviewState#merge}: reject over highlight over approve). The first approve or highlight that finds the
 * message pending publishes it (stores the decision, then broadcasts it to the channel); nothing publishes it again.
 * So an approve after a reject does not publish, and a reject after an approve cannot unpublish what viewers already
 * received, but it is recorded, wins in the queue state and takes the message out of {@code /api/recent}.
 *
 * <h2>Threads</h2>
 *
 * The pipeline thread adds held messages ({@link #held}) after storing them, lock-free. Decisions arrive on HTTP
 * worker threads and are serialised by one lock: they come at human speed, and the lock makes "store, then decide
 * whether to publish" atomic per message. Pending messages are cached in memory (loaded at start-up, so they survive
 * restarts); decided ones are read from the repository.
 */
public final class ReviewQueue {
    private final ReviewRepository repository;
    private final Channels channels;
    private final AuditRepository audit;
    private final FeedbackLabels labels;
    private final Authorizer authorizer;
    private final ChatMeters meters;
    private final Clock clock;
    private final Map<Long, HeldMessage> pending = new ConcurrentHashMap<>();

    public ReviewQueue(
            ReviewRepository repository,
            Channels channels,
            AuditRepository audit,
            FeedbackLabels labels,
            Authorizer authorizer,
            ChatMeters meters,
            Clock clock) {
        this.repository = repository;
        this.channels = channels;
        this.audit = audit;
        this.labels = labels;
        this.authorizer = authorizer;
        this.meters = meters;
        this.clock = clock;
        repository.pending().forEach(h -> pending.put(h.id(), h));
        meters.heldQueue(pending::size);
    }

    /** The outcome of one decision. */
    public record Outcome(HeldMessage message, boolean published) {}

    /** A stored held message enters the queue. Pipeline thread. */
    void held(ModeratedMessage message) {
        pending.put(message.id(), new HeldMessage(message, ReviewState.PENDING, false, List.of()));
    }

    public int size() {
        return pending.size();
    }

    /** The channel's pending messages, oldest first. */
    public List<HeldMessage> pending(Principal actor, String channelName) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        String channel = channels.peek(channelName).name();
        return pending.values().stream()
                .filter(h -> h.message().channel().equals(channel))
                .sorted(Comparator.comparingLong(HeldMessage::id))
                .toList();
    }

    /** The channel's most recently decided messages, newest first. */
    public List<HeldMessage> decided(Principal actor, String channelName, int limit) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        return repository.decided(channels.peek(channelName).name(), limit);
    }

    public HeldMessage find(Principal actor, long messageId) {
        authorizer.requireSomewhere(actor, Permission.MODERATE);
        HeldMessage held = lookup(messageId);
        authorizer.requireIn(actor, held.message().channel(), Permission.MODERATE);
        return held;
    }

    /**
     * Records a decision, merges it, publishes the message if this decision is the first to allow it, and tells the
     * channel's moderators. Audited, and labelled for training.
     *
     * @throws NoSuchElementException when no held message has this id
     */
    public Outcome decide(Principal actor, long messageId, ReviewDecision decision, String reason) {
        authorizer.requireSomewhere(actor, Permission.MODERATE);
        authorizer.requireIn(actor, lookup(messageId).message().channel(), Permission.MODERATE);
        HeldMessage after;
        boolean publish;
        Instant now = clock.instant();
        synchronized (this) {
            HeldMessage before = lookup(messageId);
            ReviewState state = before.state().merge(decision);
            publish = !before.published() && state.publishable();
            HeldMessage.Entry entry = new HeldMessage.Entry(actor.username(), decision, reason, now);
            List<HeldMessage.Entry> decisions = new ArrayList<>(before.decisions());
            decisions.add(entry);
            repository.record(messageId, before.message().channel(), entry, state, before.published() || publish);
            after = new HeldMessage(before.message(), state, before.published() || publish, decisions);
            pending.remove(messageId);
        }
        ModeratedMessage m = after.message();
        audit.record(new AuditEntry(
                m.channel(),
                actor.username(),
                "review_" + decision.wireName(),
                m.user(),
                "message " + m.id() + (reason == null || reason.isBlank() ? "" : ": " + reason),
                null,
                now));
        labels.reviewed(m, after.state(), actor.username());
        Channel channel = channels.get(m.channel());
        if (publish) {
            channel.broadcast(m.publishedEvent(after.state() == ReviewState.HIGHLIGHTED));
            meters.messageOut();
        } else if (after.state() == ReviewState.REJECTED && !after.published()) {
            channel.sendTo(m.user(), m.rejectedEvent(reason));
        }
        channel.sendToModerators(new ReviewDecided(
                m.id(),
                m.channel(),
                m.user(),
                m.text(),
                decision.wireName(),
                after.state().wireName(),
                publish,
                actor.username(),
                reason,
                now));
        return new Outcome(after, publish);
    }

    private HeldMessage lookup(long messageId) {
        HeldMessage held = pending.get(messageId);
        if (held != null) {
            return held;
        }
        return repository
                .find(messageId)
                .orElseThrow(() -> new NoSuchElementException("No held message with id " + messageId));
    }
}
