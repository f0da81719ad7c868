package dev.safestream.server.moderation.rules;

import dev.safestream.models.text.TextNormalizer;
import java.util.List;

/**
 * A channel's allowed words, applied to what the classifier sees. Every whitespace-separated word of a message whose
 * normalised tokens all match allowed terms is removed before classification, so an allowed word can neither raise
 * the score nor appear in the evidence. Evidence the classifier still reports for an allowed word is dropped too.
 * Immutable and thread-safe.
 */
public final class AllowedTerms {
    private final TermList terms;
    private final TextNormalizer normalizer;

    public AllowedTerms(TermList terms, TextNormalizer normalizer) {
        this.terms = terms;
        this.normalizer = normalizer;
    }

    /** The text to classify: {@code raw} without its allowed words (the same instance when nothing is allowed). */
    public String mask(String raw) {
        if (terms.isEmpty()) {
            return raw;
        }
        String[] words = raw.strip().split("\\s+");
        StringBuilder kept = new StringBuilder(raw.length());
        boolean removed = false;
        for (String word : words) {
            if (allowed(word)) {
                removed = true;
            } else {
                if (!kept.isEmpty()) {
                    kept.append(' ');
                }
                kept.append(word);
            }
        }
        return removed ? kept.toString() : raw;
    }

    /** The evidence without entries made only of allowed words. */
    public List<String> filterEvidence(List<String> evidence) {
        if (terms.isEmpty() || evidence.isEmpty()) {
            return evidence;
        }
        return evidence.stream().filter(e -> !allowed(e)).toList();
    }

    private boolean allowed(String text) {
        List<String> tokens = normalizer.tokens(text);
        if (tokens.isEmpty()) {
            return false;
        }
        for (String token : tokens) {
            if (!terms.matchesToken(token)) {
                return false;
            }
        }
        return true;
    }
}
