package dev.safestream.server.moderation;

import dev.safestream.server.moderation.rules.WordPhrase;
import java.util.List;

/**
 * One entry of a blocked-terms list: one or more words, each optionally with a leading and/or trailing {@code *}
 * wildcard, a severity score and a category. A plain word also matches its plural ("idiot" matches "idiots").
 *
 * @param text the term as written in the list
 * @param phrase normalised word patterns, matched against consecutive message tokens
 * @param score severity given to a message containing the term, 0..1
 * @param category category the term counts towards (e.g. {@code insult}, {@code threat})
 */
public record BlockedTerm(String text, WordPhrase phrase, double score, String category) {

    /**
     * True when the term occurs in {@code tokens} starting at {@code start}. Multi-word terms without wildcards also
     * match when the message splits or joins their words differently ("kill your-self", "killyourself").
     */
    boolean matchesAt(List<String> tokens, int start) {
        return phrase.matchEnd(tokens, start) > start;
    }
}
