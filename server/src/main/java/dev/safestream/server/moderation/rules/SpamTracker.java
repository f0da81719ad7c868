package dev.safestream.server.moderation.rules;

import dev.safestream.protocol.Explanation;
import dev.safestream.protocol.settings.SpamSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Flood and duplicate detection, which need each user's recent messages. Every message of a non-exempt user is
 * remembered, whatever its fate, so a flooder stays blocked while they keep flooding.
 *
 * <p>Threads: the moderation pipeline thread only; not thread-safe, and needs no locks because of that. Memory is
 * bounded: at most {@value #MAX_REMEMBERED} texts and one flood window of timestamps per user, and users idle for an
 * hour are forgotten once more than {@value #MAX_USERS} are tracked.
 */
public final class SpamTracker {
    static final int MAX_USERS = 100_000;
    static final int MAX_REMEMBERED = 16;
    private static final Duration IDLE = Duration.ofHours(1);

    private final Map<String, Activity> users = new HashMap<>();

    /** Records the message and returns the flood or duplicate hit, if any. */
    public Optional<Explanation> check(String channel, String user, MessageText text, SpamSettings s, Instant now) {
        if (s.floodMessages() == 0 && s.duplicateWindowSeconds() == 0) {
            return Optional.empty();
        }
        if (users.size() > MAX_USERS) {
            prune(now);
        }
        Activity activity = users.computeIfAbsent(channel + '\n' + user.toLowerCase(Locale.ROOT), k -> new Activity());
        activity.last = now;
        Optional<Explanation> flood = flood(activity, s, now);
        Optional<Explanation> duplicate = duplicate(activity, text, s, now);
        return flood.isPresent() ? flood : duplicate;
    }

    private static Optional<Explanation> flood(Activity a, SpamSettings s, Instant now) {
        if (s.floodMessages() == 0) {
            return Optional.empty();
        }
        Instant from = now.minusSeconds(s.floodWindowSeconds());
        while (!a.times.isEmpty() && !a.times.peekFirst().isAfter(from)) {
            a.times.pollFirst();
        }
        a.times.addLast(now);
        while (a.times.size() > s.floodMessages() + 1) {
            a.times.pollFirst();
        }
        if (a.times.size() <= s.floodMessages()) {
            return Optional.empty();
        }
        String detail = "flood: more than " + s.floodMessages() + " messages in " + s.floodWindowSeconds() + " s";
        return Optional.of(Explanation.rule(Explanation.FLOOD, detail, null, List.of()));
    }

    private static Optional<Explanation> duplicate(Activity a, MessageText text, SpamSettings s, Instant now) {
        if (s.duplicateWindowSeconds() == 0) {
            return Optional.empty();
        }
        String key = text.normalised().isEmpty() ? text.raw().strip() : text.normalised();
        Instant previous = a.recent.remove(key);
        a.recent.put(key, now);
        if (a.recent.size() > MAX_REMEMBERED) {
            Iterator<String> oldest = a.recent.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        if (previous == null
                || !previous.plusSeconds(s.duplicateWindowSeconds()).isAfter(now)) {
            return Optional.empty();
        }
        long ago = Duration.between(previous, now).toSeconds();
        String detail = "duplicate: you sent the same message " + ago + " s ago (wait " + s.duplicateWindowSeconds()
                + " s before repeating it)";
        return Optional.of(Explanation.rule(Explanation.DUPLICATE, detail, null, List.of()));
    }

    private void prune(Instant now) {
        users.values().removeIf(a -> a.last.plus(IDLE).isBefore(now));
        if (users.size() > MAX_USERS) {
            users.clear();
        }
    }

    int trackedUsers() {
        return users.size();
    }

    private static final class Activity {
        final ArrayDeque<Instant> times = new ArrayDeque<>();
        final LinkedHashMap<String, Instant> recent = new LinkedHashMap<>();
        Instant last;
    }
}
