package dev.safestream.server.chat;

import java.time.Clock;
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

    public Sanctions(SanctionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        for (Sanction s : repository.active(clock.instant())) {
            active.put(key(s.channel(), s.username(), s.kind()), s);
        }
    }

    public void impose(Sanction sanction) {
        repository.put(sanction);
        active.put(key(sanction.channel(), sanction.username(), sanction.kind()), sanction);
    }

    /** @return whether there was a sanction to lift */
    public boolean lift(String channel, String username, Sanction.Kind kind) {
        repository.remove(channel, username, kind);
        return active.remove(key(channel, username, kind)) != null;
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

    public boolean isBanned(String channel, String username) {
        return find(channel, username, Sanction.Kind.BAN).isPresent();
    }

    private static String key(String channel, String username, Sanction.Kind kind) {
        return channel + '\n' + username.toLowerCase(Locale.ROOT) + '\n' + kind;
    }
}
