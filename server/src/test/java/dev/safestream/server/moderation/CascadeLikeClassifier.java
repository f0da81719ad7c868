package dev.safestream.server.moderation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A fake cascade: texts with "maybe" are uncertain at first (0.5) and toxic on a careful look (0.95). */
public final class CascadeLikeClassifier implements ToxicityClassifier {
    final List<List<String>> deferredCalls = new ArrayList<>();

    @Override
    public Verdict classify(String text) {
        return new Verdict(text.contains("maybe") ? 0.95 : 0.1, Map.of(), List.of());
    }

    @Override
    public List<FirstLook> classifyQuickly(List<String> texts) {
        return texts.stream()
                .map(t -> t.contains("maybe")
                        ? new FirstLook(new Verdict(0.5, Map.of(), List.of()), false)
                        : new FirstLook(classify(t), true))
                .toList();
    }

    @Override
    public List<Verdict> classifyDeferred(List<String> texts) {
        deferredCalls.add(texts);
        return texts.stream().map(this::classify).toList();
    }

    @Override
    public String name() {
        return "cascade-like";
    }
}
