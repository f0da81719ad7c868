package dev.safestream.server.moderation.workflow;

import dev.safestream.protocol.ReviewDecided;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.fanout.Channel;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.ChatMeters;
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
 * worker threads and are serialised by one lock here (they come at human speed); the merge itself happens in the
 * database under the message's row lock ({@link ReviewRepository#decide}), so "store, then decide whether to
 * publish" is atomic per message across the nodes of a cluster too. Listings and lookups read the store; the
 * messages held here and not yet decided here are counted in memory for the queue-size gauge.
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
    public void held(ModeratedMessage message) {
        pending.put(message.id(), new HeldMessage(message, ReviewState.PENDING, false, List.of()));
    }

    public int size() {
        return pending.size();
    }

    /** The channel's pending messages, oldest first. */
    public List<HeldMessage> pending(Principal actor, String channelName) {
        authorizer.requireIn(actor, channelName, Permission.MODERATE);
        String channel = channels.peek(channelName).name();
        // from the store, not this node's memory: in a cluster other nodes hold and decide messages too
        return repository.pending().stream()
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
            HeldMessage.Entry entry = new HeldMessage.Entry(actor.username(), decision, reason, now);
            // merged with what is stored, under the row's lock: another node's moderator may have decided meanwhile
            ReviewRepository.Merged merged =
                    repository.decide(messageId, before.message().channel(), entry);
            publish = merged.publishedNow();
            List<HeldMessage.Entry> decisions = new ArrayList<>(before.decisions());
            decisions.add(entry);
            after = new HeldMessage(before.message(), merged.state(), merged.published(), decisions);
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

    /** The stored message and decisions (another node may have decided since this one held it). */
    private HeldMessage lookup(long messageId) {
        return repository
                .find(messageId)
                .orElseThrow(() -> new NoSuchElementException("No held message with id " + messageId));
    }
}
