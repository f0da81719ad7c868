package dev.safestream.protocol.cluster;

/**
 * A channel event for every node's connections. Events for everyone and for the moderators are also appended to the
 * channel's stream, and the message that announces them is prefixed with the stream id (their {@code event_id}).
 *
 * @param channel the channel
 * @param audience {@code EVERYONE}, {@code MODERATORS} or {@code USER}
 * @param user the one user it is for ({@code USER} only), else null
 * @param event the event's JSON, exactly as clients get it
 */
public record EventRelayed(String node, String channel, String user, String audience, String event)
        implements NodeMessage {}
