package dev.safestream.server.auth;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ChannelRoleRepository} in memory: a fake at the persistence boundary, for unit tests. */
final class InMemoryChannelRoles implements ChannelRoleRepository {
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> moderators = new ConcurrentHashMap<>();

    @Override
    public List<ChannelRoles> all() {
        return owners.keySet().stream()
                .map(n -> new ChannelRoles(n, owner(n), Set.copyOf(moderators.getOrDefault(n, Set.of()))))
                .toList();
    }

    private String owner(String channel) {
        String o = owners.get(channel);
        return o.isEmpty() ? null : o;
    }

    @Override
    public boolean create(String channel, String ownerKey, Instant at) {
        return owners.putIfAbsent(channel, ownerKey == null ? "" : ownerKey) == null;
    }

    @Override
    public void setOwner(String channel, String ownerKey) {
        owners.put(channel, ownerKey == null ? "" : ownerKey);
    }

    @Override
    public boolean addModerator(String channel, String userKey, String appointedBy, Instant at) {
        return moderators.computeIfAbsent(channel, c -> new HashSet<>()).add(userKey);
    }

    @Override
    public boolean removeModerator(String channel, String userKey) {
        return moderators.getOrDefault(channel, new HashSet<>()).remove(userKey);
    }
}
