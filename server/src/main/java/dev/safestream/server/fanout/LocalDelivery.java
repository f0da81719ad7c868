package dev.safestream.server.fanout;

import dev.safestream.protocol.CloseCode;

/**
 * This node's connections, found by channel name: where a {@link ChannelBus} delivers. {@link Channels} is the one
 * implementation; the bus never holds a {@link Channel}, so a channel hands its events to the bus by name and nothing
 * calls back into it.
 */
public interface LocalDelivery {
    /** Hands {@code event} to this node's connections of {@code audience} in {@code channel}. Never blocks. */
    void deliverHere(String channel, Audience audience, String user, Outgoing event);

    /** Closes this node's connections of {@code user} in {@code channel}. */
    void closeHere(String channel, String user, CloseCode code, String reason);
}
