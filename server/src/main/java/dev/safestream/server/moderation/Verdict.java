package dev.safestream.server.moderation;

import java.util.List;
import java.util.Map;

/**
 * A classifier's opinion of one text.
 *
 * @param score probability-like toxicity score, 0..1
 * @param categories per-category scores (e.g. {@code insult}, {@code threat}); empty when none apply
 * @param evidence the words or terms that drove the score, for explanations; empty when none
 */
public record Verdict(double score, Map<String, Double> categories, List<String> evidence) {
    public static final Verdict CLEAN = new Verdict(0.0, Map.of(), List.of());

    public Verdict {
        if (score < 0 || score > 1 || Double.isNaN(score)) {
            throw new IllegalArgumentException("score must be within 0..1: " + score);
        }
        categories = Map.copyOf(categories);
        evidence = List.copyOf(evidence);
    }
}
