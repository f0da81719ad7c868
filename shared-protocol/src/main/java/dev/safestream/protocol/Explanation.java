package dev.safestream.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Why a message was flagged, held or blocked: the rule or threshold that fired and the words that drove the score.
 * {@code {"rule":"category_threshold","detail":"threat 0.93 ≥ block threshold 0.8","words":["kill yourself"],
 * "category":"threat","threshold":0.8,"score":0.93}}.
 *
 * <p>Carried by {@link ChatPosted} (to the author of a blocked or held message, and on flagged messages), by
 * {@link MessageModerated} and {@link MessageHeld} (moderators only), and by the REST moderation API.
 *
 * @param rule stable machine-readable name of what fired; one of the constants of this record
 * @param detail one human-readable sentence
 * @param words the words or terms that drove the decision (the classifier's evidence, or the text a rule matched);
 *     empty when none apply
 * @param pattern the configured pattern that matched (a blocked term, a {@code /regex/}, a link), else {@code null}
 * @param category the category whose threshold fired, else {@code null}
 * @param threshold the threshold that fired, else {@code null}
 * @param score the score compared with {@code threshold} (the category's score when {@code category} is set)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Explanation(
        String rule,
        String detail,
        List<String> words,
        String pattern,
        String category,
        Double threshold,
        Double score) {
    /** The overall score reached the flag or block threshold. */
    public static final String THRESHOLD = "threshold";
    /** A category's score reached that category's flag or block threshold. */
    public static final String CATEGORY_THRESHOLD = "category_threshold";
    /** The score fell in the channel's uncertain band (mode {@code hold_uncertain}). */
    public static final String UNCERTAIN = "uncertain";
    /** The channel holds every message for review (mode {@code pre_moderate}). */
    public static final String PRE_MODERATION = "pre_moderation";
    /** A channel blocked term matched. */
    public static final String BLOCKED_TERM = "blocked_term";
    /** A channel {@code /regex/} matched. */
    public static final String BLOCKED_PATTERN = "blocked_pattern";
    /** The author is on the channel's block-list. */
    public static final String USER_BLOCKLIST = "user_blocklist";
    /** The author sent too many messages in the flood window. */
    public static final String FLOOD = "flood";
    /** The author sent the same message within the duplicate window. */
    public static final String DUPLICATE = "duplicate";
    /** The message contains a link the channel does not permit. */
    public static final String LINK = "link";
    /** Too large a share of the letters are capitals. */
    public static final String CAPS = "caps";
    /** The same character or emoji repeated too many times in a row. */
    public static final String REPEATED_CHARS = "repeated_chars";
    /**
     * A built-in or operator rule for severe harm matched ({@code category}: threat, self_harm, personal_info or
     * identity_hate); decided before any classifier ran.
     */
    public static final String SEVERE_HARM = "severe_harm";
    /** A moderator rejected the held message. */
    public static final String REJECTED = "rejected";

    public Explanation {
        words = words == null ? List.of() : List.copyOf(words);
    }

    /** An explanation for a rule without threshold: what fired, why, and what it matched. */
    public static Explanation rule(String rule, String detail, String pattern, List<String> words) {
        return new Explanation(rule, detail, words, pattern, null, null, null);
    }
}
