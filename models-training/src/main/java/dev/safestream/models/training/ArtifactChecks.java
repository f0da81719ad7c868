package dev.safestream.models.training;

import dev.safestream.models.Heads;
import dev.safestream.models.ModelScores;
import dev.safestream.models.ToxicityModel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

/** Measurements taken on the exported artifacts, through the same {@link ToxicityModel} the server runs. */
final class ArtifactChecks {
    record Speed(double messagesPerSecond, double routedShare, double fastOnlyPerSecond) {}

    private ArtifactChecks() {}

    /** Scores on the identity evaluation set: overall, per category, and the most confidently flagged sentences. */
    record IdentityBias(int sentences, double rate, Map<String, CategoryRate> byCategory, List<String> mostFlagged) {}

    /** False-positive rate of one category's evaluation sentences. */
    record CategoryRate(int terms, int sentences, double rate) {}

    /** How many flagged sentences {@link IdentityBias#mostFlagged()} keeps (the highest scores). */
    static final int MOST_FLAGGED = 10;

    /**
     * The neutral identity evaluation sentences (evaluation terms × evaluation templates, see {@link
     * IdentityTemplates#evaluationSentences()}) scored toxic at the model's own threshold.
     */
    static IdentityBias identityBias(ToxicityModel model) {
        List<IdentityTemplates.IdentitySentence> sentences = IdentityTemplates.evaluationSentences();
        double[] scores = toxic(
                model,
                sentences.stream().map(IdentityTemplates.IdentitySentence::text).toList());
        return identityBias(sentences, scores, model.manifest().threshold(Heads.TOXIC));
    }

    /** The counting behind {@link #identityBias(ToxicityModel)}, for given toxic scores. */
    static IdentityBias identityBias(
            List<IdentityTemplates.IdentitySentence> sentences, double[] toxic, double threshold) {
        Map<String, int[]> counts = new TreeMap<>(); // category → {sentences, flagged}
        Map<String, Set<String>> terms = new TreeMap<>();
        List<Integer> flagged = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String category = sentences.get(i).category();
            int[] c = counts.computeIfAbsent(category, k -> new int[2]);
            terms.computeIfAbsent(category, k -> new HashSet<>())
                    .add(sentences.get(i).term());
            c[0]++;
            if (toxic[i] >= threshold) {
                c[1]++;
                flagged.add(i);
            }
        }
        Map<String, CategoryRate> byCategory = new LinkedHashMap<>();
        counts.forEach((category, c) ->
                byCategory.put(category, new CategoryRate(terms.get(category).size(), c[0], c[1] / (double) c[0])));
        List<String> most = flagged.stream()
                .sorted(Comparator.comparingDouble((Integer i) -> -toxic[i]).thenComparing(i -> i))
                .limit(MOST_FLAGGED)
                .map(i -> sentences.get(i).text())
                .toList();
        return new IdentityBias(
                sentences.size(),
                sentences.isEmpty() ? 0 : flagged.size() / (double) sentences.size(),
                byCategory,
                most);
    }

    /**
     * How one head ranks one source's held-out rows, clean and obfuscated: the "same comments, obfuscated
     * words" check. Jigsaw's Wikipedia talk comments on the toxic head, OLID's tweets on the offensive head.
     */
    record Slice(String source, String head, int rows, int positives, double cleanAuc) {}

    /** One trick over every slice: each slice's AUC, and the score movement and decision flips over all rows. */
    record TrickResult(String trick, List<Double> auc, double meanShift, double flipRate) {}

    record Robustness(List<Slice> slices, List<TrickResult> tricks) {}

    /** The source and head of each {@link Slice}, in the card's column order. */
    static final List<Map.Entry<String, String>> ROBUSTNESS_SLICES =
            List.of(Map.entry(DataSets.JIGSAW, Heads.TOXIC), Map.entry(DataSets.OLID, Heads.OFFENSIVE));

    /**
     * Scores {@code heldOut} rows clean and under every {@link Obfuscator} trick. {@code model} must not have been
     * fitted on those rows, or the clean AUC flatters it; each trick draws from its own {@code Random(seed)}.
     */
    static Robustness robustness(ToxicityModel model, List<Example> heldOut, long seed) {
        List<Slice> slices = new ArrayList<>();
        List<List<String>> texts = new ArrayList<>();
        List<boolean[]> labels = new ArrayList<>();
        List<double[]> clean = new ArrayList<>();
        double[] thresholds = new double[ROBUSTNESS_SLICES.size()];
        for (int s = 0; s < ROBUSTNESS_SLICES.size(); s++) {
            String source = ROBUSTNESS_SLICES.get(s).getKey();
            String head = ROBUSTNESS_SLICES.get(s).getValue();
            int h = Heads.index(head);
            List<Example> rows = heldOut.stream()
                    .filter(e -> e.source().equals(source) && e.has(h))
                    .toList();
            boolean[] positive = new boolean[rows.size()];
            for (int i = 0; i < positive.length; i++) {
                positive[i] = rows.get(i).positive(h);
            }
            List<String> slice = rows.stream().map(Example::text).toList();
            double[] scores = scores(model, slice, head);
            texts.add(slice);
            labels.add(positive);
            clean.add(scores);
            thresholds[s] = model.manifest().threshold(head);
            slices.add(new Slice(source, head, rows.size(), count(positive), BinaryMetrics.auc(scores, positive)));
        }
        List<TrickResult> tricks = new ArrayList<>();
        for (Obfuscator.Trick trick : Obfuscator.TRICKS) {
            Random random = new Random(seed);
            List<double[]> moved = new ArrayList<>();
            for (int s = 0; s < slices.size(); s++) {
                List<String> obfuscated = texts.get(s).stream()
                        .map(t -> trick.apply().apply(t, random))
                        .toList();
                moved.add(scores(model, obfuscated, slices.get(s).head()));
            }
            tricks.add(compare(trick.name(), clean, moved, labels, thresholds));
        }
        return new Robustness(slices, tricks);
    }

    /** The arithmetic behind {@link #robustness}: per-slice AUC of {@code moved}, and movement against {@code clean}. */
    static TrickResult compare(
            String trick, List<double[]> clean, List<double[]> moved, List<boolean[]> labels, double[] thresholds) {
        List<Double> auc = new ArrayList<>();
        double shift = 0;
        int flips = 0;
        int rows = 0;
        for (int s = 0; s < clean.size(); s++) {
            double[] before = clean.get(s);
            double[] after = moved.get(s);
            auc.add(BinaryMetrics.auc(after, labels.get(s)));
            for (int i = 0; i < before.length; i++) {
                shift += Math.abs(after[i] - before[i]);
                flips += (after[i] >= thresholds[s]) != (before[i] >= thresholds[s]) ? 1 : 0;
            }
            rows += before.length;
        }
        return new TrickResult(trick, auc, rows == 0 ? 0 : shift / rows, rows == 0 ? 0 : flips / (double) rows);
    }

    private static int count(boolean[] flags) {
        int n = 0;
        for (boolean f : flags) {
            n += f ? 1 : 0;
        }
        return n;
    }

    /** Cascade throughput in batches of 64 on chat-like texts (tweets), with and without the encoder path. */
    static Speed speed(ToxicityModel cascade, ToxicityModel fastOnly, List<Example> examples) {
        List<String> texts = examples.stream()
                .filter(e -> e.source().equals(DataSets.OLID) || e.source().equals(DataSets.DAVIDSON))
                .map(Example::text)
                .limit(3000)
                .toList();
        cascade.score(texts.subList(0, 256));
        fastOnly.score(texts.subList(0, 256));
        long routed = 0;
        long start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += 64) {
            for (ModelScores s : cascade.score(texts.subList(from, Math.min(texts.size(), from + 64)))) {
                routed += s.path().equals("encoder") ? 1 : 0;
            }
        }
        double cascadeRate = texts.size() / ((System.nanoTime() - start) / 1e9);
        start = System.nanoTime();
        for (int from = 0; from < texts.size(); from += 64) {
            fastOnly.score(texts.subList(from, Math.min(texts.size(), from + 64)));
        }
        double fastRate = texts.size() / ((System.nanoTime() - start) / 1e9);
        return new Speed(cascadeRate, routed / (double) texts.size(), fastRate);
    }

    private static double[] toxic(ToxicityModel model, List<String> texts) {
        return scores(model, texts, Heads.TOXIC);
    }

    /** One head's scores, in batches of 64 as the server batches them. */
    private static double[] scores(ToxicityModel model, List<String> texts, String head) {
        double[] out = new double[texts.size()];
        for (int from = 0; from < texts.size(); from += 64) {
            List<ModelScores> scores = model.score(texts.subList(from, Math.min(texts.size(), from + 64)));
            for (int i = 0; i < scores.size(); i++) {
                ModelScores x = scores.get(i);
                out[from + i] =
                        head.equals(Heads.TOXIC) ? x.toxic() : x.categories().get(head);
            }
        }
        return out;
    }

    static String percent(double share) {
        return String.format("%.1f%%", share * 100);
    }
}
