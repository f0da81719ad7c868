package dev.safestream.server.moderation.rules;

import dev.safestream.models.text.TextNormalizer;
import java.util.List;

/**
 * One or more normalised word patterns matched against consecutive message tokens: the matching shared by the
 * server-wide blocked-terms list ({@code BlockedTerm}) and a channel's term lists ({@link TermList}).
 *
 * @param words at least one pattern
 */
public record WordPhrase(List<WordPattern> words) {
    public WordPhrase {
        words = List.copyOf(words);
    }

    /**
     * A normalised word; {@code *} at either end matches any letters there; a plain word also matches its plural
     * ("idiot" matches "idiots").
     */
    public record WordPattern(String core, boolean anyPrefix, boolean anySuffix) {
        /** The pattern for one configured word; its core is empty when nothing is left after normalising. */
        public static WordPattern of(String word, TextNormalizer normalizer) {
            return new WordPattern(normalizer.word(word), word.startsWith("*"), word.endsWith("*"));
        }

        public boolean matches(String token) {
            if (anyPrefix && anySuffix) {
                return token.contains(core);
            }
            if (anyPrefix) {
                return token.endsWith(core);
            }
            if (anySuffix) {
                return token.startsWith(core);
            }
            return token.equals(core) || token.equals(core + "s") || token.equals(core + "es");
        }
    }

    /**
     * The end index of a match starting at {@code start}, or {@code start} when there is none. Phrases of several
     * words without wildcards also match when the message joins or splits their words ("killyourself").
     */
    public int matchEnd(List<String> tokens, int start) {
        if (start + words.size() <= tokens.size()) {
            int i = 0;
            while (i < words.size() && words.get(i).matches(tokens.get(start + i))) {
                i++;
            }
            if (i == words.size()) {
                return start + i;
            }
        }
        return words.size() > 1 ? squashedEnd(tokens, start) : start;
    }

    private int squashedEnd(List<String> tokens, int start) {
        StringBuilder target = new StringBuilder();
        for (WordPattern w : words) {
            if (w.anyPrefix() || w.anySuffix()) {
                return start;
            }
            target.append(w.core());
        }
        StringBuilder joined = new StringBuilder();
        int i = start;
        while (i < tokens.size() && joined.length() < target.length()) {
            joined.append(tokens.get(i++));
        }
        return joined.toString().contentEquals(target) ? i : start;
    }
}
