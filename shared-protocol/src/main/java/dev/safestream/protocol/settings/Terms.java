package dev.safestream.protocol.settings;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A channel's own term lists, matched after obfuscation-aware normalisation (leetspeak, homoglyphs, separators,
 * repeated letters).
 *
 * <p>Blocked terms: a word or phrase, where a word may start and/or end with {@code *} ({@code idiot*} matches
 * "idiots", "idiotic"); a plain word also matches its plural; a phrase also matches when the message joins or splits
 * its words. {@code /regex/} is a case-insensitive Java regular expression, tried on the text as typed and on its
 * normalised form (lower case, leetspeak and separators undone, words joined by single spaces, repeated letters
 * collapsed: "free" reads "fre"). A blocked term blocks the message.
 *
 * <p>Allowed terms: single words, with the same wildcards. The words of a message that match an allowed term are
 * removed from the text before the classifier sees it, so they cannot raise its score or appear in its evidence. They
 * do not override blocked terms or spam rules.
 *
 * @param blocked blocked words, phrases and {@code /regex/} patterns
 * @param allowed allowed words
 */
public record Terms(List<String> blocked, List<String> allowed) {
    public static final int MAX_TERMS = 1000;
    public static final int MAX_TERM_LENGTH = 200;
    private static final Pattern WORD = Pattern.compile("\\*?[^\\s*/]+\\*?");

    public Terms {
        blocked = Check.list("terms.blocked", blocked, MAX_TERMS);
        allowed = Check.list("terms.allowed", allowed, MAX_TERMS);
        for (int i = 0; i < blocked.size(); i++) {
            checkBlocked("terms.blocked[" + i + "]", blocked.get(i));
        }
        for (int i = 0; i < allowed.size(); i++) {
            String term = allowed.get(i);
            String field = "terms.allowed[" + i + "]";
            Check.require(term.length() <= MAX_TERM_LENGTH, field + " is longer than " + MAX_TERM_LENGTH);
            Check.matches(field, term.strip(), WORD, "one word, optionally with a leading or trailing *");
        }
    }

    public static Terms none() {
        return new Terms(List.of(), List.of());
    }

    /** Whether a blocked entry is a {@code /regex/}. */
    public static boolean isRegex(String term) {
        String t = term.strip();
        return t.length() >= 2 && t.startsWith("/") && t.endsWith("/");
    }

    private static void checkBlocked(String field, String term) {
        Check.require(!term.isBlank(), field + " must not be blank");
        Check.require(term.length() <= MAX_TERM_LENGTH, field + " is longer than " + MAX_TERM_LENGTH);
        if (isRegex(term)) {
            String t = term.strip();
            try {
                Pattern.compile(t.substring(1, t.length() - 1));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(
                        field + " is not a valid regular expression: " + e.getDescription(), e);
            }
            Check.require(t.length() > 2, field + " is an empty regular expression");
            return;
        }
        for (String word : term.strip().split("\\s+")) {
            Check.matches(field, word, WORD, "words, each optionally with a leading or trailing *, or /regex/");
        }
    }
}
