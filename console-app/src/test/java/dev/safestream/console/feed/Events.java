package dev.safestream.console.feed;

import dev.safestream.protocol.ChatPosted;
import dev.safestream.protocol.Explanation;
import dev.safestream.protocol.MessageHeld;
import dev.safestream.protocol.MessageModerated;
import dev.safestream.protocol.ReviewDecided;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Server events for tests, with the fields tests care about. */
public final class Events {
    public static final Instant T0 = Instant.parse("2026-11-21T08:00:00Z");

    private Events() {}

    public static MessageModerated moderated(long id, String user, String text, double score, String decision) {
        Explanation why = "allow".equals(decision)
                ? null
                : new Explanation("threshold", "score " + score, List.of("idiot"), null, null, 0.6, score);
        Map<String, Double> categories = score > 0.3 ? Map.of("insult", score) : null;
        return new MessageModerated(
                id, "main", user, text, T0.plusSeconds(id), decision, score >= 0.6, score, categories, why);
    }

    public static ChatPosted chat(long id, String user, String text, double score) {
        return new ChatPosted(
                id, user, text, score >= 0.6, score, T0.plusSeconds(id), "main", false, false, null, false);
    }

    public static MessageHeld held(long id, String user, String text) {
        return new MessageHeld(
                id,
                "main",
                user,
                text,
                T0.plusSeconds(id),
                0.45,
                null,
                new Explanation("pre_moderation", "held", List.of(), null, null, null, null));
    }

    public static ReviewDecided decided(long id, String moderator, String decision, String state) {
        return new ReviewDecided(id, "main", "bob", "text", decision, state, true, moderator, null, T0);
    }
}
