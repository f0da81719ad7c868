package dev.safestream.server.moderation;

import dev.safestream.protocol.Explanation;
import java.util.Locale;

/**
 * What the author of a blocked or held message is told: a plain reason, never the filter's internals. Trigger words,
 * scores, thresholds and rule names stay with moderators (issue 21): an author who saw which word tipped the score
 * could probe the filter word by word. The channel's own spam rules (links, capitals, floods, duplicates) say what
 * to do differently, and keep their detail.
 */
public final class AuthorReason {
    private AuthorReason() {}

    /** The reason for this assessment's author; {@code null} when it was allowed. */
    public static String of(Assessment assessment) {
        Explanation why = assessment.explanation();
        if (why == null) {
            return null;
        }
        return switch (why.rule()) {
            case Explanation.SEVERE_HARM -> severe(why.category());
            case Explanation.BLOCKED_TERM, Explanation.BLOCKED_PATTERN ->
                "it contains a term this channel does not allow";
            case Explanation.THRESHOLD -> "the chat filter judged it harmful";
            case Explanation.CATEGORY_THRESHOLD -> "the chat filter judged it harmful: " + plain(why.category());
            case Explanation.UNCERTAIN -> "held for a moderator";
            case Explanation.PRE_MODERATION -> "held for a moderator: this channel reviews every message";
            default -> why.detail();
        };
    }

    private static String severe(String category) {
        return switch (category == null ? "" : category) {
            case "threat" -> "it reads as a threat";
            case "self_harm" -> "it reads as telling someone to harm themselves";
            case "personal_info" -> "it shares personal information";
            case "identity_hate" -> "it reads as hate against a group";
            default -> "it reads as severe harm";
        };
    }

    private static String plain(String category) {
        return category == null ? "harmful" : category.replace('_', ' ').toLowerCase(Locale.ROOT);
    }
}
