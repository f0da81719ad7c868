package dev.safestream.server.moderation.workflow;

import dev.safestream.protocol.ChatPosted;
import dev.safestream.protocol.MessageUnpinned;
import dev.safestream.server.auth.Authorizer;
import dev.safestream.server.auth.Permission;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.auth.SharedChanges;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.Removal;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * Each channel's pinned message: one at most, kept in memory (every joining client gets it after its welcome, on a
 * socket thread that must not read the database) and written through. A moderator pins a message viewers can see;
 * the pin goes when a moderator takes it down or its message is deleted. Other nodes hear of changes through
 * {@link SharedChanges} and read the pin again.
 */
public final class Pins {
    private final PinRepository repository;
    private final MessageRemovals messages;
    private final Channels channels;
    private final Authorizer authorizer;
    private final AuditRepository audit;
    private final Predicate<String> channelExists;
    private final Clock clock;
    private final Map<String, Pin> current = new ConcurrentHashMap<>();
    private volatile SharedChanges shared = SharedChanges.NONE;

    public Pins(
            PinRepository repository,
            MessageRemovals messages,
            Channels channels,
            Authorizer authorizer,
            AuditRepository audit,
            Predicate<String> channelExists,
            Clock clock) {
        this.repository = repository;
        this.messages = messages;
        this.channels = channels;
        this.authorizer = authorizer;
        this.audit = audit;
        this.channelExists = channelExists;
        this.clock = clock;
        reload();
    }

    /** Pins a message viewers can see (the channel's moderators and up); everyone gets {@code message_pinned}. */
    public Pin pin(Principal actor, String channel, long messageId) {
        authorizer.requireIn(actor, channel, Permission.MODERATE);
        requireExists(channel);
        ChatPosted message = messages.findVisible(channel, messageId)
                .orElseThrow(() ->
                        new NoSuchElementException("No message " + messageId + " that viewers can see in #" + channel));
        Instant now = clock.instant();
        repository.put(channel, messageId, actor.username(), now);
        Pin pin = new Pin(channel, messageId, message.user(), message.message(), actor.username(), now);
        current.put(channel, pin);
        shared.changed(SharedChanges.Kind.CHANNEL_PIN, channel);
        audit.record(
                new AuditEntry(channel, actor.username(), "pin", message.user(), "message " + messageId, null, now));
        channels.get(channel).broadcast(pin.event());
        return pin;
    }

    /** Takes the channel's pin down; everyone gets {@code message_unpinned}. @return whether there was one */
    public boolean unpin(Principal actor, String channel) {
        authorizer.requireIn(actor, channel, Permission.MODERATE);
        requireExists(channel);
        boolean was = takeDown(channel);
        if (was) {
            audit.record(new AuditEntry(channel, actor.username(), "unpin", null, null, null, clock.instant()));
        }
        return was;
    }

    /** Messages were taken back: a pin of one of them goes too. */
    public void removed(String channel, Removal removal) {
        Pin pin = current.get(channel);
        if (pin != null
                && (removal.messageIds().contains(pin.messageId())
                        || (removal.author() != null && removal.author().equals(pin.user())))) {
            takeDown(channel);
        }
    }

    /** The channel's pin, for a client that joins. Socket threads: memory only. */
    public Optional<Pin> current(String channel) {
        return Optional.ofNullable(current.get(channel));
    }

    /** Reads every pin again: at start, and in cluster mode after an outage of the bus. */
    public void reload() {
        Map<String, Pin> stored = new ConcurrentHashMap<>();
        repository.all().forEach(p -> stored.put(p.channel(), p));
        current.keySet().retainAll(stored.keySet());
        current.putAll(stored);
    }

    /** Another node changed the channel's pin (and told its own clients): read it again. */
    public void changedElsewhere(String channel) {
        repository.find(channel).ifPresentOrElse(p -> current.put(channel, p), () -> current.remove(channel));
    }

    /** Cluster mode: pin changes made here are told to the other nodes. */
    public void shareWith(SharedChanges changes) {
        this.shared = changes;
    }

    private boolean takeDown(String channel) {
        boolean was = repository.remove(channel);
        current.remove(channel);
        shared.changed(SharedChanges.Kind.CHANNEL_PIN, channel);
        if (was) {
            channels.get(channel).broadcast(new MessageUnpinned(channel));
        }
        return was;
    }

    private void requireExists(String channel) {
        if (!channelExists.test(channel)) {
            throw new NoSuchElementException("No channel '" + channel + "'");
        }
    }
}
