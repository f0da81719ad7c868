package dev.safestream.models.training;

import dev.safestream.models.Heads;
import dev.safestream.models.ModelScores;
import dev.safestream.models.ToxicityModel;
import java.util.ArrayList;
import java.util.Collections;
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
    record Robustness(String trick, double meanShift, double flipRate) {}

    record Speed(double messagesPerSecond, double routedShare, double fastOnlyPerSecond) {}

    private ArtifactChecks() {}

    /** Scores on the identity evaluation set: overall, per category, and the most confidently flagged sentences. */
    record IdentityBias(int sentences, double rate, Map<String, CategoryRate> byCategory, List<String> mostFlagged) {}

    /** False-positive rate of one category's evaluation sentences. */
    record CategoryRate(int terms, int sentences, double rate) {}

    /** How many flagged sentences {@link IdentityBias#mostFlagged()} keeps (the highest scores). */
    static final int MOST_FLAGGED = 10;

    /**
     * Share of the neutral identity evaluation sentences (evaluation terms × evaluation templates, see
     * {@link IdentityTemplates#evaluationSentences()}) scored toxic at the model's own threshold; adds up to
     * {@link #MOST_FLAGGED} of the flagged ones, highest score first, to {@code flagged}.
     */
    static double identityFalsePositiveRate(ToxicityModel model, List<String> flagged) {
        IdentityBias bias = identityBias(model);
        flagged.addAll(bias.mostFlagged());
        return bias.rate();
    }

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

    /** How far the toxic score moves when validation texts are obfuscated, per trick. */
    static List<Robustness> robustness(ToxicityModel model, List<Example> examples, int perClass, long seed) {
        int toxic = Heads.index(Heads.TOXIC);
        List<String> positives = new ArrayList<>();
        List<String> negatives = new ArrayList<>();
        for (Example e : examples) {
            if (DataSets.SOURCES.contains(e.source())
                    && e.has(toxic)
                    && e.text().length() < 300) {
                (e.positive(toxic) ? positives : negatives).add(e.text());
            }
        }
        Random random = new Random(seed);
        Collections.shuffle(positives, random);
        Collections.shuffle(negatives, random);
        List<String> texts = new ArrayList<>(positives.subList(0, Math.min(perClass, positives.size())));
        texts.addAll(negatives.subList(0, Math.min(perClass, negatives.size())));
        double threshold = model.manifest().threshold(Heads.TOXIC);
        double[] base = toxic(model, texts);
        List<Robustness> out = new ArrayList<>();
        for (Obfuscator.Trick trick : Obfuscator.TRICKS) {
            Random r = new Random(seed);
            double[] moved = toxic(
                    model, texts.stream().map(t -> trick.apply().apply(t, r)).toList());
            double shift = 0;
            int flips = 0;
            for (int i = 0; i < base.length; i++) {
                shift += Math.abs(moved[i] - base[i]);
                flips += (moved[i] >= threshold) != (base[i] >= threshold) ? 1 : 0;
            }
            out.add(new Robustness(trick.name(), shift / base.length, flips / (double) base.length));
        }
        return out;
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
        double[] out = new double[texts.size()];
        for (int from = 0; from < texts.size(); from += 64) {
            List<ModelScores> scores = model.score(texts.subList(from, Math.min(texts.size(), from + 64)));
            for (int i = 0; i < scores.size(); i++) {
                out[from + i] = scores.get(i).toxic();
            }
        }
        return out;
    }

    static String percent(double share) {
        return String.format("%.1f%%", share * 100);
    }
}
