package dev.safestream.server.chat;

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
    private final ArrayDeque<Outgoing> events;
    private EventId last;

    ChannelHistory(int capacity, Clock clock) {
        this.capacity = capacity;
        this.clock = clock;
        this.events = new ArrayDeque<>(Math.min(capacity, 64));
    }

    /** Gives {@code json} the next id, keeps it, and hands it to {@code channel}'s connections here. */
    synchronized void appendAndDeliver(Channel channel, String json) {
        last = EventId.next(last, clock.millis());
        Outgoing event = Outgoing.withId(json, last);
        if (capacity > 0) {
            if (events.size() == capacity) {
                events.removeFirst();
            }
            events.addLast(event);
        }
        channel.deliverHere(ChannelBus.Audience.EVERYONE, null, event);
    }

    /** The kept events after {@code since}, oldest first. */
    synchronized List<Outgoing> after(EventId since) {
        List<Outgoing> out = new ArrayList<>();
        for (Outgoing e : events) {
            if (e.id().isAfter(since)) {
                out.add(e);
            }
        }
        return out;
    }
}
