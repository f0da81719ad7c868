package dev.safestream.server.moderation.workflow;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mutes and bans in force, cached in memory (checked on every message) and written through to the repository so they
 * survive restarts.
 */
public final class Sanctions {
    private final SanctionRepository repository;
    private final Clock clock;
    private final Map<String, Sanction> active = new ConcurrentHashMap<>();
    private final SanctionBroadcast others;

    public Sanctions(SanctionRepository repository, Clock clock) {
        this(repository, clock, SanctionBroadcast.ALONE);
    }

    /** @param others tells the other nodes of a change (cluster mode) */
    public Sanctions(SanctionRepository repository, Clock clock, SanctionBroadcast others) {
        this.repository = repository;
        this.clock = clock;
        this.others = others;
        reload();
    }

    /**
     * Reads the sanctions in force from the store again: at start, and in cluster mode after an outage of the bus,
     * when other nodes' changes could not be told.
     */
    public synchronized void reload() {
        Map<String, Sanction> stored = new HashMap<>();
        for (Sanction s : repository.active(clock.instant())) {
            stored.put(key(s.channel(), s.username(), s.kind()), s);
        }
        active.keySet().retainAll(stored.keySet());
        active.putAll(stored);
    }

    public void impose(Sanction sanction) {
        repository.put(sanction);
        active.put(key(sanction.channel(), sanction.username(), sanction.kind()), sanction);
        others.changed(sanction, false);
    }

    /** @return whether there was a sanction to lift */
    public boolean lift(String channel, String username, Sanction.Kind kind) {
        repository.remove(channel, username, kind);
        Sanction was = active.remove(key(channel, username, kind));
        others.changed(new Sanction(channel, username, kind, null, null, null), true);
        return was != null;
    }

    /** Another node imposed or lifted a sanction (already stored there): keep this node's memory in step. */
    public void changedElsewhere(Sanction sanction, boolean lifted) {
        String key = key(sanction.channel(), sanction.username(), sanction.kind());
        if (lifted) {
            active.remove(key);
        } else {
            active.put(key, sanction);
        }
    }

    public Optional<Sanction> find(String channel, String username, Sanction.Kind kind) {
        String key = key(channel, username, kind);
        Sanction s = active.get(key);
        if (s == null) {
            return Optional.empty();
        }
        if (!s.activeAt(clock.instant())) {
            active.remove(key, s);
            return Optional.empty();
        }
        return Optional.of(s);
    }

    /** The channel's sanctions in force now: bans first, then by name. */
    public List<Sanction> activeIn(String channel) {
        Instant now = clock.instant();
        return active.values().stream()
                .filter(s -> s.channel().equals(channel) && s.activeAt(now))
                .sorted(Comparator.comparing(Sanction::kind, Comparator.reverseOrder())
                        .thenComparing(s -> s.username().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /**
     * The user acknowledged their warning in the channel: chat resumes at once here; the stored warning is removed
     * on {@code writer} (it touches the database, and the caller is a socket thread).
     */
    public void acknowledge(String channel, String username, java.util.concurrent.Executor writer) {
        Sanction warning = active.remove(key(channel, username, Sanction.Kind.WARN));
        if (warning != null) {
            writer.execute(() -> lift(channel, username, Sanction.Kind.WARN));
        }
    }

    public boolean isBanned(String channel, String username) {
        return find(channel, username, Sanction.Kind.BAN).isPresent();
    }

    private static String key(String channel, String username, Sanction.Kind kind) {
        return channel + '\n' + username.toLowerCase(Locale.ROOT) + '\n' + kind;
    }
}
