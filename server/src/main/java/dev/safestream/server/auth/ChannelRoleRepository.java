package dev.safestream.server.auth;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** Channels with their owners and moderators, as stored; names of users are their lower-case keys. */
public interface ChannelRoleRepository {
    /**
     * @param owner the owner's username key, null when the channel belongs to the admins only
     * @param moderators usernames keys of the channel's moderators
     */
    record ChannelRoles(String name, String owner, Set<String> moderators) {}

    List<ChannelRoles> all();

    /** @return false when the channel exists already */
    boolean create(String channel, String ownerKey, Instant at);

    void setOwner(String channel, String ownerKey);

    /** @return false when the user moderates the channel already */
    boolean addModerator(String channel, String userKey, String appointedBy, Instant at);

    /** @return whether the user moderated the channel */
    boolean removeModerator(String channel, String userKey);
}
