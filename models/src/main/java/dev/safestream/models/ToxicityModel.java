package dev.safestream.models;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.models.onnx.EncoderHead;
import dev.safestream.models.onnx.EncoderSpec;
import dev.safestream.models.onnx.FastModel;
import dev.safestream.models.onnx.SentenceEncoder;
import dev.safestream.models.text.ChatText;
import dev.safestream.models.text.HashedNgrams;
import dev.safestream.models.text.SparseVector;
import dev.safestream.models.text.TextNormalizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cascade: every message is scored by the fast n-gram model; messages whose toxic probability falls in the
 * uncertain band {@code [cascade_low, cascade_high)} are re-scored by the encoder head, which stacks the sentence
 * encoder's view on the fast model's. At most {@code encoderBudget} messages of one call take the encoder path (the
 * most uncertain first), so a burst degrades to fast-model quality instead of falling behind.
 *
 * <p>Thread-safe: ONNX Runtime sessions allow concurrent runs; the rest is immutable.
 */
public final class ToxicityModel implements AutoCloseable {
    private static final int TOXIC = Heads.index(Heads.TOXIC);

    private final ModelManifest manifest;
    private final HashedNgrams ngrams;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final FastModel fast;
    private final SentenceEncoder encoder;
    private final EncoderHead head;
    private final int encoderBudget;
    private final double low;
    private final double high;

    private ToxicityModel(ModelArtifacts artifacts, int encoderThreads, int encoderBudget, double[] band) {
        this.manifest = manifest(artifacts);
        this.low = band == null ? manifest.cascadeLow() : band[0];
        this.high = band == null ? manifest.cascadeHigh() : band[1];
        this.ngrams = new HashedNgrams(normalizer, manifest.ngramBuckets());
        this.fast = new FastModel(
                artifacts.read(ModelManifest.FAST_MODEL), manifest.heads().size());
        this.encoder = artifacts.encoder(EncoderSpec.named(manifest.encoder()), encoderThreads);
        this.head = new EncoderHead(
                artifacts.read(ModelManifest.ENCODER_HEAD), manifest.heads().size());
        this.encoderBudget = encoderBudget;
    }

    /**
     * @param encoderThreads ONNX Runtime intra-op threads for the encoder
     * @param encoderBudget most messages per {@link #score} call sent to the encoder (0 = fast model only)
     */
    public static ToxicityModel load(ModelArtifacts artifacts, int encoderThreads, int encoderBudget) {
        return new ToxicityModel(artifacts, encoderThreads, encoderBudget, null);
    }

    /** Like {@link #load} with another uncertain band; {@code [0, 1.01)} sends every message to the encoder. */
    public static ToxicityModel loadWithBand(ModelArtifacts artifacts, int encoderThreads, double low, double high) {
        return new ToxicityModel(artifacts, encoderThreads, Integer.MAX_VALUE, new double[] {low, high});
    }

    public ModelManifest manifest() {
        return manifest;
    }

    public List<ModelScores> score(List<String> texts) {
        List<ModelScores> first = firstPass(texts);
        List<Integer> uncertain = new ArrayList<>();
        for (int i = 0; i < first.size(); i++) {
            if (first.get(i).path().equals(ModelScores.UNCERTAIN)) {
                uncertain.add(i);
            }
        }
        if (uncertain.size() > encoderBudget) {
            double centre = manifest.threshold(Heads.TOXIC);
            uncertain.sort(Comparator.comparingDouble(i -> Math.abs(first.get(i).toxic() - centre)));
        }
        List<Integer> chosen = uncertain.subList(0, Math.min(uncertain.size(), Math.max(0, encoderBudget)));
        List<ModelScores> out = new ArrayList<>(first.size());
        for (ModelScores s : first) {
            out.add(s.path().equals(ModelScores.UNCERTAIN) ? s.withPath(ModelScores.FAST) : s);
        }
        if (!chosen.isEmpty()) {
            List<ModelScores> second =
                    secondPass(chosen.stream().map(texts::get).toList());
            for (int k = 0; k < chosen.size(); k++) {
                out.set(chosen.get(k), second.get(k));
            }
        }
        return out;
    }

    /**
     * The fast model alone: final scores outside the uncertain band (path {@code fast}), provisional ones inside it
     * (path {@code uncertain}) that {@link #secondPass} should settle. Microseconds per message.
     */
    public List<ModelScores> firstPass(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        float[][] fastLogits = fast.logits(features(texts));
        List<ModelScores> out = new ArrayList<>(texts.size());
        for (float[] logits : fastLogits) {
            float[] p = sigmoid(logits);
            boolean uncertain = encoderBudget > 0 && p[TOXIC] >= low && p[TOXIC] < high;
            out.add(scores(p, uncertain ? ModelScores.UNCERTAIN : ModelScores.FAST));
        }
        return out;
    }

    /** The encoder path for every given text (path {@code encoder}): milliseconds per message. */
    public List<ModelScores> secondPass(List<String> texts) {
        if (texts.isEmpty()) {
            return List.of();
        }
        float[][] fastLogits = fast.logits(features(texts));
        List<String> encoderTexts = texts.stream().map(this::forEncoder).toList();
        float[][] stacked = head.probabilities(encoder.embed(encoderTexts), fastLogits);
        List<ModelScores> out = new ArrayList<>(texts.size());
        for (float[] p : stacked) {
            out.add(scores(p, ModelScores.ENCODER));
        }
        return out;
    }

    public ModelScores score(String text) {
        return score(List.of(text)).get(0);
    }

    /**
     * The words that raise the fast model's toxic logit most, by occlusion: each distinct normalised word is removed
     * in turn and the drop in the logit measured. Words whose removal lowers it by at least {@code minDrop} are
     * returned, strongest first, at most {@code limit}.
     */
    public List<String> explain(String text, int limit, double minDrop) {
        List<String> words = ngrams.words(text);
        List<String> distinct = words.stream().distinct().toList();
        if (distinct.isEmpty()) {
            return List.of();
        }
        List<SparseVector> rows = new ArrayList<>(distinct.size() + 1);
        rows.add(ngrams.featuresOfWords(words));
        for (String word : distinct) {
            rows.add(ngrams.featuresOfWords(
                    words.stream().filter(w -> !w.equals(word)).toList()));
        }
        float[][] logits = fast.logits(rows);
        Map<String, Double> drops = new LinkedHashMap<>();
        for (int k = 0; k < distinct.size(); k++) {
            double drop = logits[0][TOXIC] - logits[k + 1][TOXIC];
            if (drop >= minDrop) {
                drops.put(distinct.get(k), drop);
            }
        }
        return drops.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue(Comparator.reverseOrder()))
                .limit(limit)
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The text exactly as the encoder sees it (also used by training, so both agree). */
    public String forEncoder(String text) {
        return normalizer.forEncoder(ChatText.canonical(text));
    }

    private List<SparseVector> features(List<String> texts) {
        List<SparseVector> rows = new ArrayList<>(texts.size());
        for (String text : texts) {
            rows.add(ngrams.features(text));
        }
        return rows;
    }

    private ModelScores scores(float[] probabilities, String path) {
        Map<String, Double> categories = new LinkedHashMap<>();
        List<String> heads = manifest.heads();
        for (int h = 0; h < heads.size(); h++) {
            if (h != TOXIC) {
                categories.put(heads.get(h), round(probabilities[h]));
            }
        }
        return new ModelScores(round(probabilities[TOXIC]), categories, path);
    }

    private static double round(float p) {
        return Math.round(p * 10_000) / 10_000.0;
    }

    private static float[] sigmoid(float[] logits) {
        float[] p = new float[logits.length];
        for (int i = 0; i < logits.length; i++) {
            p[i] = (float) (1 / (1 + Math.exp(-logits[i])));
        }
        return p;
    }

    /** Reads a model set's manifest without loading its models. */
    public static ModelManifest readManifest(ModelArtifacts artifacts) {
        return manifest(artifacts);
    }

    private static ModelManifest manifest(ModelArtifacts artifacts) {
        try {
            ModelManifest manifest =
                    new ObjectMapper().readValue(artifacts.read(ModelManifest.FILE), ModelManifest.class);
            if (!manifest.heads().equals(Heads.ALL)) {
                throw new IllegalStateException("Model heads " + manifest.heads() + " do not match " + Heads.ALL);
            }
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the model manifest of " + artifacts.describe(), e);
        }
    }

    @Override
    public void close() {
        fast.close();
        encoder.close();
        head.close();
    }
}
