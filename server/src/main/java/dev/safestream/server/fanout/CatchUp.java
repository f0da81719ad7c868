package dev.safestream.server.fanout;

import dev.safestream.protocol.CloseCode;
import java.util.ArrayList;
import java.util.List;

/**
 * A connection that came back with {@code since=}: until the events it missed are read (from this node's history or
 * the Redis stream), live events for it wait here; then it gets the missed ones, then the waiting ones that are newer,
 * so it sees no gap and no event twice. Afterwards, live events already replayed are dropped until the first newer
 * one passes (a bus may still deliver an event it also returned from history).
 *
 * <p>Thread-safety: live events arrive on delivering threads, the history on the bus's thread; one lock orders them.
 * Offers never block.
 */
final class CatchUp {
    private final ChatConnection connection;
    private final int limit;
    private List<Outgoing> waiting = new ArrayList<>();
    private final EventId since;
    private EventId replayedUpTo;
    private boolean settled;

    CatchUp(ChatConnection connection, EventId since, int limit) {
        this.connection = connection;
        this.since = since;
        this.replayedUpTo = since;
        this.limit = limit;
    }

    /** The last event id the client saw. */
    EventId since() {
        return since;
    }

    /**
     * A live event for this connection.
     *
     * @return true when it was taken care of here (kept for later, or dropped as already delivered); false when the
     *     caller should offer it to the connection itself
     */
    synchronized boolean live(Outgoing event) {
        if (waiting != null) {
            if (waiting.size() >= limit) {
                connection.close(CloseCode.SLOW_CONSUMER, "Too many events while catching up");
            } else {
                waiting.add(event);
            }
            return true;
        }
        if (event.id() == null) {
            return false;
        }
        if (!event.id().isAfter(replayedUpTo)) {
            return true;
        }
        settled = true;
        return false;
    }

    /** The missed events, oldest first: delivers them, then what waited. */
    synchronized void release(List<Outgoing> missed) {
        for (Outgoing event : missed) {
            connection.offer(event);
            replayedUpTo = event.id();
        }
        for (Outgoing event : waiting) {
            if (event.id() == null || event.id().isAfter(replayedUpTo)) {
                connection.offer(event);
                if (event.id() != null) {
                    settled = true;
                }
            }
        }
        waiting = null;
    }

    /** Whether live events can go straight to the connection from now on. */
    synchronized boolean settled() {
        return settled;
    }
}
