package dev.safestream.server.fanout;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One node's memory of a channel's last events, for clients that reconnect with {@code since=} (the single-node
 * counterpart of the Redis stream in cluster mode). Appending an event gives it the next {@link EventId} and delivers
 * it while holding this history's lock, so ids, history and delivery order agree.
 */
final class ChannelHistory {
    private final int capacity;
    private final Clock clock;
    private final ArrayDeque<Kept> events;
    private EventId last;

    ChannelHistory(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
        this.events = new ArrayDeque<>(Math.min(capacity, 64));
    }

    private record Kept(Outgoing event, boolean forModerators) {}

    /**
     * Gives the event the next id, keeps it, and hands it to {@code channel}'s connections of {@code audience}
     * (everyone, or the moderators) {@code here}.
     */
    synchronized void appendAndDeliver(LocalDelivery here, String channel, Audience audience, Outgoing unnumbered) {
        last = EventId.next(last, clock.millis());
        Outgoing event = unnumbered.withId(last);
        if (capacity > 0) {
            if (events.size() == capacity) {
                events.removeFirst();
            }
            events.addLast(new Kept(event, audience == Audience.MODERATORS));
        }
        here.deliverHere(channel, audience, null, event);
    }

    /** Drops the removed chat messages' events for everyone; moderator-only events stay. */
    synchronized void forget(Removal removal) {
        events.removeIf(kept -> !kept.forModerators() && removal.matches(kept.event()));
    }

    /** The kept events after {@code since}, oldest first; moderator-only ones only for a moderator. */
    synchronized List<Outgoing> after(EventId since, boolean moderator) {
        List<Outgoing> out = new ArrayList<>();
        for (Kept kept : events) {
            if (kept.event().id().isAfter(since) && (moderator || !kept.forModerators())) {
                out.add(kept.event());
            }
        }
        return out;
    }
}
