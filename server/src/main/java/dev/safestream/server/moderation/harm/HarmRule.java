package dev.safestream.server.moderation.harm;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compiled line of a harm rule list.
 *
 * @param category the harm it detects (or, for an exception, excuses)
 * @param source the rule as written, for moderators
 * @param pattern the compiled expression
 * @param raw whether it matches the raw text rather than the normalised words
 */
record HarmRule(HarmCategory category, String source, Pattern pattern, boolean raw) {
    /** Where the rule first matches {@code text}: start and end offsets, or empty. */
    Optional<int[]> find(String text) {
        Matcher m = pattern.matcher(text);
        return m.find() ? Optional.of(new int[] {m.start(), m.end()}) : Optional.empty();
    }
}
