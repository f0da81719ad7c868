package dev.safestream.server.moderation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A classifier for tests: each known word has a score and a category; a text scores its highest word. Records every
 * batch it was asked to score.
 */
public final class FakeClassifier implements ToxicityClassifier {
    private final Map<String, Verdict> words = new HashMap<>();
    private final List<List<String>> batches = new ArrayList<>();

    public FakeClassifier word(String word, double score, String category) {
        words.put(word, new Verdict(score, Map.of(category, score), List.of(word)));
        return this;
    }

    @Override
    public Verdict classify(String text) {
        Verdict best = Verdict.CLEAN;
        for (String token : text.toLowerCase(Locale.ROOT).split("\\W+")) {
            Verdict v = words.get(token);
            if (v != null && v.score() > best.score()) {
                best = v;
            }
        }
        return best;
    }

    @Override
    public synchronized List<Verdict> classifyAll(List<String> texts) {
        batches.add(List.copyOf(texts));
        return ToxicityClassifier.super.classifyAll(texts);
    }

    public synchronized List<List<String>> batches() {
        return List.copyOf(batches);
    }

    @Override
    public String name() {
        return "fake";
    }
}
