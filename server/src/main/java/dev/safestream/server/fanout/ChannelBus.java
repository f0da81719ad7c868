package dev.safestream.server.fanout;

import dev.safestream.protocol.CloseCode;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * How a channel's events reach its connections. On one node ({@link #LOCAL}) an event goes straight to this node's
 * connections. In cluster mode (REDIS_URL) it is published once and every node, this one included, delivers it to its
 * own connections, so each node encodes an event once and per-channel order is the publish order everywhere.
 *
 * <p>Events for everyone and for the moderators get an {@link EventId} and are kept (the last {@code catch-up events}
 * per channel) so that a client that reconnects with {@code since=} gets what it missed ({@link #replay}); events for
 * one user are not kept.
 *
 * <p>Threads: {@link #publish} is called by whoever broadcasts (the pipeline, HTTP threads) and never blocks;
 * deliveries from other nodes arrive on the bus's own thread.
 */
public interface ChannelBus {
    /** Where this node's share of every event goes: called once, by the {@link Channels} built on this bus. */
    void deliverTo(LocalDelivery here);

    /** Delivers {@code event} to the audience of {@code channel} on every node; {@code user} only for USER. */
    void publish(String channel, Audience audience, String user, Outgoing event);

    /**
     * Takes removed chat messages out of the channel's kept events (moderator-only events stay), so a client that
     * catches up no longer gets them. Called before the removal is announced.
     */
    void forget(String channel, Removal removal);

    /** Closes a user's connections in the channel on every node. */
    void close(String channel, String user, CloseCode code, String reason);

    /**
     * Whether moderator events must be built even when no moderator is connected here: another node may have one, or a
     * moderator who reconnects catches up on them.
     */
    boolean buildsModeratorEventsAlways();

    /**
     * The channel's kept events after {@code since}, oldest first, for a client catching up (moderator-only events
     * only when {@code moderator}). Completes on the bus's thread (at once on one node); fails when the history cannot
     * be read.
     */
    CompletionStage<List<Outgoing>> replay(String channel, EventId since, boolean moderator);

    /** One node: everything is delivered here, at once, on the caller's thread; the last {@code kept} events of each channel are kept in memory. */
    static ChannelBus local(int kept, Clock clock) {
        return new LocalBus(kept, clock);
    }
}
