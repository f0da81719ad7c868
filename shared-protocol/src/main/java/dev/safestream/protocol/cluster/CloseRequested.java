package dev.safestream.protocol.cluster;

/**
 * Close a user's connections in a channel on every node (a kick, a ban, a role change).
 *
 * @param code the close code (see {@code CloseCode})
 * @param reason what the client is told
 */
public record CloseRequested(String node, String channel, String user, int code, String reason)
        implements NodeMessage {}
