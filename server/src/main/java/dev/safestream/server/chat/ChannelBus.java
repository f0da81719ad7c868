package dev.safestream.server.chat;

import dev.safestream.protocol.CloseCode;

/**
 * How a channel's events reach its connections. On one node ({@link #LOCAL}) an event goes straight to this node's
 * connections. In cluster mode (REDIS_URL) it is published once and every node, this one included, delivers it to its
 * own connections, so each node encodes an event once and per-channel order is the publish order everywhere.
 *
 * <p>Threads: {@link #publish} is called by whoever broadcasts (the pipeline, HTTP threads) and never blocks;
 * deliveries from other nodes arrive on the bus's own thread.
 */
public interface ChannelBus {
    /** Who in the channel gets an event. */
    enum Audience {
        EVERYONE,
        MODERATORS,
        /** the connections of one user */
        USER
    }

    /** Delivers {@code event} to the audience of {@code channel} on every node; {@code user} only for USER. */
    void publish(Channel channel, Audience audience, String user, Outgoing event);

    /** Closes a user's connections in the channel on every node. */
    void close(Channel channel, String user, CloseCode code, String reason);

    /**
     * A sanction was imposed ({@code lifted} false) or lifted here and is stored: the other nodes update the sanctions
     * they keep in memory.
     */
    void sanctionChanged(Sanction sanction, boolean lifted);

    /** Whether other nodes exist: moderator events are then built even when no moderator is connected here. */
    boolean clustered();

    /** One node: everything is delivered here, at once, on the caller's thread. */
    ChannelBus LOCAL = new ChannelBus() {
        @Override
        public void publish(Channel channel, Audience audience, String user, Outgoing event) {
            channel.deliverHere(audience, user, event);
        }

        @Override
        public void close(Channel channel, String user, CloseCode code, String reason) {
            channel.closeHere(user, code, reason);
        }

        @Override
        public void sanctionChanged(Sanction sanction, boolean lifted) {
            // one node: its Sanctions already hold the change
        }

        @Override
        public boolean clustered() {
            return false;
        }
    };
}
