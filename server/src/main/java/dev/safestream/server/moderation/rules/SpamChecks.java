package dev.safestream.server.moderation.rules;

import dev.safestream.protocol.Explanation;
import dev.safestream.protocol.settings.SpamSettings;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Spam filters that look at one message alone: links, capitals, repeated characters. Each is O(message length) and
 * returns the explanation of its hit. Stateless and thread-safe.
 */
public final class SpamChecks {
    /** URLs with a scheme or {@code www.}, and bare domains under common top-level domains. */
    private static final Pattern LINK = Pattern.compile(
            "(?:https?://|www\\.)[^\\s/?#:]+[^\\s]*"
                    + "|\\b[a-z0-9-]+(?:\\.[a-z0-9-]+)*\\.(?:com|net|org|io|gg|tv|ly|me|co|ru|xyz|info|biz|app|dev|link"
                    + "|click|live|shop|site|online|store|top|uk|de|fr|nl|us)\\b(?:/\\S*)?",
            Pattern.CASE_INSENSITIVE);

    private SpamChecks() {}

    /** A link, when the channel blocks links and it does not point to an allowed domain. */
    public static Optional<Explanation> link(String text, SpamSettings s) {
        if (!s.blockLinks()) {
            return Optional.empty();
        }
        Matcher m = LINK.matcher(text);
        while (m.find()) {
            String link = m.group();
            if (!allowed(host(link), s.allowedLinkDomains())) {
                return Optional.of(Explanation.rule(
                        Explanation.LINK, "links are not allowed in this channel", link, List.of(link)));
            }
        }
        return Optional.empty();
    }

    /** Too large a share of capitals among the letters. */
    public static Optional<Explanation> caps(String text, SpamSettings s) {
        if (s.maxCapsRatio() <= 0) {
            return Optional.empty();
        }
        int letters = 0;
        int upper = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (Character.isLetter(cp)) {
                letters++;
                if (Character.isUpperCase(cp)) {
                    upper++;
                }
            }
            i += Character.charCount(cp);
        }
        if (letters < s.capsMinLetters() || upper <= s.maxCapsRatio() * letters) {
            return Optional.empty();
        }
        String detail = "too many capitals: " + Math.round(upper * 100.0 / letters) + "% of letters (limit "
                + Math.round(s.maxCapsRatio() * 100) + "%)";
        return Optional.of(new Explanation(
                Explanation.CAPS, detail, List.of(), null, null, s.maxCapsRatio(), round(upper / (double) letters)));
    }

    /** The same character or emoji (grapheme cluster) more than the limit times in a row; whitespace is not counted. */
    public static Optional<Explanation> repeated(String text, SpamSettings s) {
        int limit = s.maxRepeatedChars();
        if (limit <= 0 || text.length() <= limit) {
            return Optional.empty();
        }
        BreakIterator graphemes = BreakIterator.getCharacterInstance(Locale.ROOT);
        graphemes.setText(text);
        String previous = null;
        int run = 0;
        for (int start = graphemes.first(), end = graphemes.next();
                end != BreakIterator.DONE;
                start = end, end = graphemes.next()) {
            String g = text.substring(start, end);
            run = g.equals(previous) ? run + 1 : 1;
            previous = g;
            if (run > limit && !g.isBlank()) {
                return Optional.of(Explanation.rule(
                        Explanation.REPEATED_CHARS,
                        "'" + g + "' repeated more than " + limit + " times in a row",
                        null,
                        List.of(g)));
            }
        }
        return Optional.empty();
    }

    private static String host(String link) {
        String rest = link.toLowerCase(Locale.ROOT).replaceFirst("^https?://", "");
        int end = 0;
        while (end < rest.length() && "/?#:".indexOf(rest.charAt(end)) < 0) {
            end++;
        }
        return rest.substring(0, end);
    }

    private static boolean allowed(String host, List<String> domains) {
        for (String domain : domains) {
            if (host.equals(domain) || host.endsWith("." + domain)) {
                return true;
            }
        }
        return false;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
