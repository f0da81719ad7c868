package dev.safestream.server.moderation;

import java.util.List;

/**
 * One entry of a blocked-terms list: one or more words, each optionally with a leading and/or trailing {@code *}
 * wildcard, a severity score and a category. A plain word also matches its plural ("idiot" matches "idiots").
 *
 * @param text the term as written in the list
 * @param words normalised word patterns, matched against consecutive message tokens
 * @param score severity given to a message containing the term, 0..1
 * @param category category the term counts towards (e.g. {@code insult}, {@code threat})
 */
public record BlockedTerm(String text, List<WordPattern> words, double score, String category) {

    /** A normalised word with wildcard flags. */
    public record WordPattern(String core, boolean anyPrefix, boolean anySuffix) {
        boolean matches(String token) {
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
     * True when the term occurs in {@code tokens} starting at {@code start}. Multi-word terms without wildcards also
     * match when the message splits or joins their words differently ("kill your-self", "killyourself").
     */
    boolean matchesAt(List<String> tokens, int start) {
        return wordByWord(tokens, start) || (words.size() > 1 && squashed(tokens, start));
    }

    private boolean squashed(List<String> tokens, int start) {
        StringBuilder target = new StringBuilder();
        for (WordPattern w : words) {
            if (w.anyPrefix() || w.anySuffix()) {
                return false;
            }
            target.append(w.core());
        }
        StringBuilder joined = new StringBuilder();
        for (int i = start; i < tokens.size() && joined.length() < target.length(); i++) {
            joined.append(tokens.get(i));
        }
        return joined.toString().contentEquals(target);
    }

    private boolean wordByWord(List<String> tokens, int start) {
        if (start + words.size() > tokens.size()) {
            return false;
        }
        for (int i = 0; i < words.size(); i++) {
            if (!words.get(i).matches(tokens.get(start + i))) {
                return false;
            }
        }
        return true;
    }
}
