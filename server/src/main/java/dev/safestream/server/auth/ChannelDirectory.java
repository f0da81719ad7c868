package dev.safestream.server.auth;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which channels exist, who owns them and who moderates them: loaded once at start-up, kept in memory (socket threads
 * ask it on every connect) and written through to the {@link ChannelRoleRepository}. Changes are synchronised so that
 * the store and memory see them in the same order.
 */
public final class ChannelDirectory {
    private record Entry(String owner, Set<String> moderators) {}

    private final Map<String, Entry> channels = new ConcurrentHashMap<>();
    private final ChannelRoleRepository repository;
    private final Clock clock;
    private volatile SharedChanges shared = SharedChanges.NONE;

    public ChannelDirectory(ChannelRoleRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        load();
    }

    private void load() {
        for (ChannelRoleRepository.ChannelRoles c : repository.all()) {
            Set<String> moderators = ConcurrentHashMap.newKeySet();
            moderators.addAll(c.moderators());
            channels.put(c.name(), new Entry(c.owner(), moderators));
        }
    }

    /** Cluster mode: changes made here are told to the other nodes. */
    public void shareWith(SharedChanges changes) {
        this.shared = changes;
    }

    /** Another node changed a channel's roles: read the store again. */
    public synchronized void changedElsewhere() {
        load();
    }

    private void share(String channel) {
        shared.changed(SharedChanges.Kind.CHANNEL_ROLES, channel);
    }

    public boolean exists(String channel) {
        return channel != null && channels.containsKey(channel);
    }

    /** The owner's username key; empty when the channel does not exist or belongs to the admins only. */
    public Optional<String> owner(String channel) {
        Entry e = channel == null ? null : channels.get(channel);
        return e == null ? Optional.empty() : Optional.ofNullable(e.owner());
    }

    public boolean isOwner(String channel, String username) {
        return owner(channel).filter(o -> o.equals(key(username))).isPresent();
    }

    public boolean isModerator(String channel, String username) {
        Entry e = channel == null ? null : channels.get(channel);
        return e != null && username != null && e.moderators().contains(key(username));
    }

    /** Whether the user owns or moderates any channel (their console may open the moderation views). */
    public boolean hasChannelRole(String username) {
        String k = key(username);
        for (Entry e : channels.values()) {
            if (k.equals(e.owner()) || e.moderators().contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** Channel names, sorted. */
    public List<String> names() {
        return channels.keySet().stream().sorted().toList();
    }

    public List<String> moderators(String channel) {
        Entry e = channels.get(channel);
        return e == null ? List.of() : e.moderators().stream().sorted().toList();
    }

    /** Channels the user owns, sorted. */
    public List<String> ownedBy(String username) {
        String k = key(username);
        return channels.entrySet().stream()
                .filter(e -> k.equals(e.getValue().owner()))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** Channels the user moderates, sorted. */
    public List<String> moderatedBy(String username) {
        String k = key(username);
        return channels.entrySet().stream()
                .filter(e -> e.getValue().moderators().contains(k))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    /** @return false when the channel exists already */
    public synchronized boolean create(String channel, String owner) {
        if (channels.containsKey(channel)) {
            return false;
        }
        String ownerKey = owner == null ? null : key(owner);
        if (!repository.create(channel, ownerKey, clock.instant())) {
            return false;
        }
        channels.put(channel, new Entry(ownerKey, ConcurrentHashMap.newKeySet()));
        share(channel);
        return true;
    }

    /** Creates the channel, owned by {@code owner}, unless it exists. */
    public void ensure(String channel, String owner) {
        if (!exists(channel)) {
            create(channel, owner);
        }
    }

    /** @param owner null: the channel belongs to the admins only */
    public synchronized void setOwner(String channel, String owner) {
        Entry e = require(channel);
        String ownerKey = owner == null ? null : key(owner);
        repository.setOwner(channel, ownerKey);
        channels.put(channel, new Entry(ownerKey, e.moderators()));
        share(channel);
    }

    /** @return false when the user was a moderator of the channel already */
    public synchronized boolean appoint(String channel, String username, String appointedBy) {
        Entry e = require(channel);
        boolean added = repository.addModerator(channel, key(username), appointedBy, clock.instant());
        e.moderators().add(key(username));
        share(channel);
        return added;
    }

    /** @return whether the user was a moderator of the channel */
    public synchronized boolean dismiss(String channel, String username) {
        Entry e = require(channel);
        boolean removed = repository.removeModerator(channel, key(username));
        e.moderators().remove(key(username));
        share(channel);
        return removed;
    }

    /** Forgets a deleted account's channel roles (the store removed them with the account). */
    public synchronized void forget(String username) {
        String k = key(username);
        channels.replaceAll((name, e) -> {
            e.moderators().remove(k);
            return k.equals(e.owner()) ? new Entry(null, e.moderators()) : e;
        });
        share("");
    }

    private Entry require(String channel) {
        Entry e = channel == null ? null : channels.get(channel);
        if (e == null) {
            throw new java.util.NoSuchElementException("No channel '" + channel + "'");
        }
        return e;
    }

    static String key(String username) {
        return username.toLowerCase(Locale.ROOT);
    }
}
