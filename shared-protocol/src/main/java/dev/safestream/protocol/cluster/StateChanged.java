package dev.safestream.protocol.cluster;

/**
 * Something every node keeps in memory changed in the shared store: the others read it again.
 *
 * @param what {@code ACCOUNT}, {@code CHANNEL_SETTINGS}, {@code CHANNEL_FIGURES} or {@code CHANNEL_ROLES}
 * @param key which one: a username or a channel name (empty for the roles, which are read again whole)
 */
public record StateChanged(String node, String what, String key) implements NodeMessage {}
