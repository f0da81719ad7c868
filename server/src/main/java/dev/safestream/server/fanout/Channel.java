package dev.safestream.server.fanout;

import dev.safestream.protocol.CloseCode;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.ServerEvent;
import dev.safestream.server.moderation.ModerationPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A chat room: its connections, its moderation policy and its running figures. Broadcasts encode each event once and
 * hand the same {@link Outgoing} to every connection's outbox (the transport frames it once, too), so fan-out costs
 * one encode plus one queue offer per viewer.
 * Connections whose role may moderate are also in a second set that receives the moderator-only events.
 *
 * <p>Thread-safety: connections join and leave from socket threads while the pipeline (and HTTP threads, for
 * approved messages) broadcast; the connection sets are concurrent and broadcast never blocks.
 */
public final class Channel {
    private static final Logger log = LoggerFactory.getLogger(Channel.class);
    private final String name;
    private final ProtocolJson json;
    private final ChatMeters meters;
    // copy-on-write: broadcasts (hundreds a second, each to every connection) iterate a plain array; joins and leaves
    // (rarer) copy it
    private final Set<ChatConnection> connections = new CopyOnWriteArraySet<>();
    private final Set<ChatConnection> moderators = new CopyOnWriteArraySet<>();
    /** Connections that came back with {@code since=} and are still catching up (usually empty). */
    private final Map<ChatConnection, CatchUp> catchingUp = new ConcurrentHashMap<>();

    /** Live events one catching-up connection may have waiting before it is dropped as too slow. */
    static final int CATCH_UP_WAITING = 4096;

    private final LongAdder messages = new LongAdder();
    private final LongAdder toxicMessages = new LongAdder();
    private final LongAdder gifts = new LongAdder();
    private volatile ModerationPolicy policy;
    /** The cluster's sums as of the last metrics run; null on one node or before the first run. */
    private volatile Figures clusterFigures;

    private final ChannelBus bus;

    Channel(String name, ProtocolJson json, ChatMeters meters, ModerationPolicy policy, ChannelBus bus) {
        this.name = name;
        this.json = json;
        this.meters = meters;
        this.policy = policy;
        this.bus = bus;
    }

    public String name() {
        return name;
    }

    public void join(ChatConnection connection, boolean moderator) {
        connections.add(connection);
        if (moderator) {
            moderators.add(connection);
        }
    }

    /**
     * Joins a connection that saw events up to {@code since}. Live events for it wait until {@link #catchUp} has
     * delivered the kept events after that id, so it sees no gap and no duplicate; what is sent to it directly (the
     * welcome) goes first.
     */
    public void joinCatchingUp(ChatConnection connection, boolean moderator, EventId since) {
        catchingUp.put(connection, new CatchUp(connection, since, CATCH_UP_WAITING));
        join(connection, moderator);
    }

    /** Reads the history for a connection that joined with {@link #joinCatchingUp}, then lets its live events flow. */
    public void catchUp(ChatConnection connection) {
        CatchUp catchUp = catchingUp.get(connection);
        if (catchUp == null) {
            return;
        }
        bus.replay(name, catchUp.since(), moderators.contains(connection)).whenComplete((missed, failure) -> {
            if (failure != null) {
                log.warn(
                        "Could not read channel {}'s history for a reconnecting client; it gets live events only",
                        name,
                        failure);
            }
            catchUp.release(failure == null ? missed : List.of());
            if (catchUp.settled()) {
                catchingUp.remove(connection, catchUp);
            }
        });
    }

    public void leave(ChatConnection connection) {
        connections.remove(connection);
        moderators.remove(connection);
        catchingUp.remove(connection);
    }

    /** Delivers an event to every connection of the channel, on every node. */
    public void broadcast(ServerEvent event) {
        bus.publish(name, Audience.EVERYONE, null, Outgoing.of(event, json.encode(event)));
    }

    /** Takes chat messages a moderator removed out of what the channel keeps for catch-up, on every node. */
    public void forget(Removal removal) {
        bus.forget(name, removal);
    }

    /** Delivers an event to this node's connections only (per-node figures). */
    public void broadcastHere(ServerEvent event) {
        deliverHere(Audience.EVERYONE, null, new Outgoing(json.encode(event)));
    }

    /** Delivers an event to the connections of one user in this channel (e.g. a blocked message to its author). */
    public void sendTo(String username, ServerEvent event) {
        bus.publish(name, Audience.USER, username, new Outgoing(json.encode(event)));
    }

    /** Closes a user's connections in this channel, on every node. */
    public void close(String username, CloseCode code, String reason) {
        bus.close(name, username, code, reason);
    }

    /** The {@link ChannelBus} hands an event to this node's connections of the audience. */
    void deliverHere(Audience audience, String user, Outgoing frame) {
        switch (audience) {
            case EVERYONE -> {
                int delivered = 0;
                for (ChatConnection connection : connections) {
                    if (offer(connection, frame)) {
                        delivered++;
                    }
                }
                meters.delivered(delivered);
            }
            case MODERATORS -> {
                for (ChatConnection connection : moderators) {
                    offer(connection, frame);
                }
            }
            case USER -> {
                for (ChatConnection connection : connections) {
                    if (connection.principal().username().equalsIgnoreCase(user)) {
                        offer(connection, frame);
                    }
                }
            }
        }
    }

    void closeHere(String username, CloseCode code, String reason) {
        for (ChatConnection c : connectionsOf(username)) {
            c.close(code, reason);
        }
    }

    /**
     * One connection's offer; whatever it throws stays with that connection (closed with 1011), so the broadcasting
     * thread goes on to the next one.
     */
    private boolean offer(ChatConnection connection, Outgoing frame) {
        try {
            if (!catchingUp.isEmpty()) {
                CatchUp catchUp = catchingUp.get(connection);
                if (catchUp != null) {
                    if (catchUp.live(frame)) {
                        return true;
                    }
                    if (catchUp.settled()) {
                        catchingUp.remove(connection, catchUp);
                    }
                }
            }
            return connection.offer(frame);
        } catch (Throwable e) {
            log.warn(
                    "Delivering to {} failed; closing that connection",
                    connection.principal().username(),
                    e);
            try {
                connection.close(CloseCode.INTERNAL_ERROR, "Delivery failed");
            } catch (Throwable closeFailed) {
                log.debug("Closing the failed connection failed too", closeFailed);
            }
            return false;
        }
    }

    /**
     * Whether moderator events should be built: callers skip them when no moderator can receive them, now or by
     * catching up (in cluster mode one may be on another node).
     */
    public boolean hasModerators() {
        return bus.buildsModeratorEventsAlways() || !moderators.isEmpty();
    }

    /** Delivers a moderator-only event (moderated, held, decided) to the channel's moderators and admins. */
    public void sendToModerators(ServerEvent event) {
        if (!hasModerators()) {
            return;
        }
        bus.publish(name, Audience.MODERATORS, null, new Outgoing(json.encode(event)));
    }

    /** Connections of one user in this channel. */
    public List<ChatConnection> connectionsOf(String username) {
        return connections.stream()
                .filter(c -> c.principal().username().equalsIgnoreCase(username))
                .toList();
    }

    public int viewerCount() {
        return connections.size();
    }

    public void countMessage(boolean toxic) {
        messages.increment();
        if (toxic) {
            toxicMessages.increment();
        }
    }

    /** Counts a gift towards the channel's figures (called by the gift service). */
    public void countGift() {
        gifts.increment();
    }

    public long giftCount() {
        return gifts.sum();
    }

    /** Share of messages flagged toxic since the last reset, 0..100, one decimal. */
    public double toxicPercent() {
        return localFigures().toxicPercent();
    }

    /** This node's figures. */
    public Figures localFigures() {
        return new Figures(connections.size(), gifts.sum(), messages.sum(), toxicMessages.sum());
    }

    /** The figures viewers see: the cluster's sums when known, else this node's. */
    public Figures figures() {
        Figures cluster = clusterFigures;
        return cluster != null ? cluster : localFigures();
    }

    void clusterFigures(Figures totals) {
        this.clusterFigures = totals;
    }

    void resetFigures() {
        messages.reset();
        toxicMessages.reset();
        gifts.reset();
        clusterFigures = null;
    }

    public ModerationPolicy policy() {
        return policy;
    }

    void policy(ModerationPolicy policy) {
        this.policy = policy;
    }
}
