package dev.safestream.server.moderation.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slow mode: at most one message per user every N seconds. Checked on socket threads before a message is queued, so
 * the author is told at once how long to wait; O(1), lock-free apart from one map entry.
 */
public final class SlowMode {
    private static final int MAX_TRACKED = 200_000;

    private final Map<String, Instant> lastPassed = new ConcurrentHashMap<>();

    /**
     * Lets the message pass (and starts the user's next interval now) or says how long the user must still wait.
     *
     * @return empty when the message may pass, else the remaining wait (positive)
     */
    public Optional<Duration> check(String channel, String user, int seconds, Instant now) {
        if (seconds <= 0) {
            return Optional.empty();
        }
        if (lastPassed.size() > MAX_TRACKED) {
            lastPassed.clear();
        }
        Duration[] wait = {null};
        lastPassed.compute(channel + '\n' + user.toLowerCase(Locale.ROOT), (key, previous) -> {
            if (previous != null && previous.plusSeconds(seconds).isAfter(now)) {
                wait[0] = Duration.between(now, previous.plusSeconds(seconds));
                return previous;
            }
            return now;
        });
        return Optional.ofNullable(wait[0]);
    }

    /** Whole seconds to tell the user, rounded up so that waiting that long always suffices. */
    public static long secondsToWait(Duration wait) {
        long seconds = wait.toSeconds();
        return wait.equals(Duration.ofSeconds(seconds)) ? seconds : seconds + 1;
    }
}
