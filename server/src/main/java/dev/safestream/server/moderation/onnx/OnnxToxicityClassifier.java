package dev.safestream.server.moderation.onnx;

import dev.safestream.models.ModelScores;
import dev.safestream.models.ToxicityModel;
import dev.safestream.server.moderation.FirstLook;
import dev.safestream.server.moderation.ToxicityClassifier;
import dev.safestream.server.moderation.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The shipped classifier: the trained ONNX cascade of the {@code models} module behind {@link ToxicityClassifier}.
 * Messages scoring at least {@link #EXPLAIN_FROM} also get their evidence words (occlusion on the fast model, about a
 * tenth of a millisecond each), so every flagged, held or blocked message can be explained.
 *
 * <p>Called from the moderation pipeline thread (and the {@code score} command / {@code /api/moderate}); the model's
 * ONNX sessions are thread-safe.
 */
public final class OnnxToxicityClassifier implements ToxicityClassifier, AutoCloseable {
    /** Below this toxic probability a message is never flagged by default, so it needs no explanation. */
    public static final double EXPLAIN_FROM = 0.25;

    private static final int EVIDENCE_WORDS = 3;
    private static final double MIN_LOGIT_DROP = 0.15;

    private final ToxicityModel model;

    public OnnxToxicityClassifier(ToxicityModel model) {
        this.model = model;
    }

    public ToxicityModel model() {
        return model;
    }

    @Override
    public Verdict classify(String text) {
        return classifyAll(List.of(text)).get(0);
    }

    @Override
    public List<Verdict> classifyAll(List<String> texts) {
        return verdicts(texts, model.score(texts));
    }

    @Override
    public List<FirstLook> classifyQuickly(List<String> texts) {
        List<ModelScores> first = model.firstPass(texts);
        List<FirstLook> out = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            ModelScores s = first.get(i);
            out.add(new FirstLook(verdict(texts.get(i), s), !s.path().equals(ModelScores.UNCERTAIN)));
        }
        return out;
    }

    @Override
    public List<Verdict> classifyDeferred(List<String> texts) {
        return verdicts(texts, model.secondPass(texts));
    }

    private List<Verdict> verdicts(List<String> texts, List<ModelScores> scores) {
        List<Verdict> verdicts = new ArrayList<>(texts.size());
        for (int i = 0; i < texts.size(); i++) {
            verdicts.add(verdict(texts.get(i), scores.get(i)));
        }
        return verdicts;
    }

    private Verdict verdict(String text, ModelScores s) {
        List<String> evidence =
                s.toxic() >= EXPLAIN_FROM ? model.explain(text, EVIDENCE_WORDS, MIN_LOGIT_DROP) : List.of();
        return new Verdict(s.toxic(), s.categories(), evidence);
    }

    @Override
    public String name() {
        return "onnx-cascade";
    }

    @Override
    public void close() {
        model.close();
    }
}
