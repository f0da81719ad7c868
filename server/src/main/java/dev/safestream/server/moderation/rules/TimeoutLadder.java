package dev.safestream.server.moderation.rules;

import dev.safestream.protocol.settings.TimeoutSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts each user's blocked messages and says when the channel's ladder calls for an automatic mute, and how long.
 * See {@link TimeoutSettings} for the rules. State lives in memory and starts afresh on restart.
 *
 * <p>Threads: the moderation pipeline thread only; not thread-safe.
 */
public final class TimeoutLadder {
    private static final int MAX_TRACKED = 100_000;

    private final Map<String, Offender> offenders = new HashMap<>();

    /** Records a blocked message; returns the mute to impose when this strike completes a set. */
    public Optional<Duration> strike(String channel, String user, TimeoutSettings s, Instant now) {
        if (!s.enabled()) {
            return Optional.empty();
        }
        if (offenders.size() > MAX_TRACKED) {
            offenders.clear();
        }
        Offender o = offenders.computeIfAbsent(channel + '\n' + user.toLowerCase(Locale.ROOT), k -> new Offender());
        Instant from = now.minusSeconds(s.windowSeconds());
        while (!o.strikes.isEmpty() && !o.strikes.peekFirst().isAfter(from)) {
            o.strikes.pollFirst();
        }
        o.strikes.addLast(now);
        if (o.strikes.size() < s.strikes()) {
            return Optional.empty();
        }
        o.strikes.clear();
        boolean climbs = o.lastMute != null
                && (s.resetSeconds() == 0
                        || !o.lastMute.plusSeconds(s.resetSeconds()).isBefore(now));
        o.step = climbs ? Math.min(o.step + 1, s.mutesSeconds().size() - 1) : 0;
        o.lastMute = now;
        return Optional.of(Duration.ofSeconds(s.mutesSeconds().get(o.step)));
    }

    private static final class Offender {
        final ArrayDeque<Instant> strikes = new ArrayDeque<>();
        int step = -1;
        Instant lastMute;
    }
}
