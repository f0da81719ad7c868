package dev.safestream.models.training;

import dev.safestream.models.Heads;
import dev.safestream.models.onnx.EncoderSpec;
import dev.safestream.models.onnx.SentenceEncoder;
import dev.safestream.models.text.ChatText;
import dev.safestream.models.text.HashedNgrams;
import dev.safestream.models.text.SparseVector;
import dev.safestream.models.text.TextNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Chooses the encoder by measurement: on a fixed sample of every source, cross-validated quality of a logistic head
 * on each encoder's sentence vectors (and on hashed n-grams, for reference), plus encoder speed on this machine.
 */
final class EncoderComparison {
    private EncoderComparison() {}

    static String run(List<Example> all, int perSource, int k, long seed, Path cache, int threads) {
        List<Example> sample = sample(all, perSource, seed);
        Folds folds = Folds.of(sample, k, seed);
        TextNormalizer normalizer = new TextNormalizer();
        StringBuilder report = new StringBuilder();
        report.append(String.format(
                "Sample: %d examples (up to %d per source), %d-fold CV, seed %d.%n%n",
                sample.size(), perSource, k, seed));

        HashedNgrams ngrams = new HashedNgrams(normalizer, Trainer.NGRAM_BUCKETS);
        SparseVector[] sparse =
                sample.stream().map(e -> ngrams.features(e.text())).toArray(SparseVector[]::new);
        report.append(section(
                "hashed n-grams", new SparseDesign(sparse, ngrams.buckets()), sample, folds, Trainer.NGRAM_LR, ""));

        for (EncoderSpec spec : List.of(EncoderSpec.ALL_MINILM_L6_V2_Q, EncoderSpec.BGE_SMALL_EN_V15_Q)) {
            try (SentenceEncoder encoder = new SentenceEncoder(spec, threads)) {
                List<String> texts = sample.stream()
                        .map(e -> normalizer.forEncoder(ChatText.canonical(e.text())))
                        .toList();
                String speed = speed(encoder, texts);
                float[][] vectors = new EmbeddingCache(encoder, cache).embed(texts, new double[1]);
                report.append(section(spec.name(), new DenseDesign(vectors), sample, folds, Trainer.HEAD_LR, speed));
            }
        }
        return report.toString();
    }

    private static String section(
            String name, Design design, List<Example> sample, Folds folds, LogisticRegression lr, String speed) {
        double[][] logits = CrossValidator.outOfFoldLogits(design, sample, folds, lr);
        double[][] probs = new double[logits.length][Heads.ALL.size()];
        for (int i = 0; i < logits.length; i++) {
            for (int h = 0; h < Heads.ALL.size(); h++) {
                probs[i][h] = LogisticRegression.sigmoid(logits[i][h]);
            }
        }
        double[] thresholds = Evaluation.thresholds(sample, probs);
        return "### " + name + "\n\n" + speed + "\n" + Evaluation.markdown(Evaluation.rows(sample, probs, thresholds))
                + "\n";
    }

    /** Throughput in batches of 32 and single-message latency, on the first texts of the sample. */
    private static String speed(SentenceEncoder encoder, List<String> texts) {
        List<String> warm = texts.subList(0, 64);
        encoder.embed(warm.subList(0, 32));
        long start = System.nanoTime();
        int n = Math.min(512, texts.size());
        for (int from = 0; from < n; from += 32) {
            encoder.embed(texts.subList(from, Math.min(n, from + 32)));
        }
        double batchedPerSecond = n / ((System.nanoTime() - start) / 1e9);
        long[] singles = new long[100];
        for (int i = 0; i < singles.length; i++) {
            long t = System.nanoTime();
            encoder.embed(List.of(texts.get(i)));
            singles[i] = System.nanoTime() - t;
        }
        java.util.Arrays.sort(singles);
        return String.format(
                "Speed: %.0f messages/s in batches of 32; one message p50 %.1f ms, p99 %.1f ms.%n",
                batchedPerSecond, singles[50] / 1e6, singles[99] / 1e6);
    }

    private static List<Example> sample(List<Example> all, int perSource, long seed) {
        List<Example> out = new ArrayList<>();
        Random random = new Random(seed);
        for (String source : DataSets.SOURCES) {
            List<Example> of = new ArrayList<>(
                    all.stream().filter(e -> e.source().equals(source)).toList());
            Collections.shuffle(of, random);
            out.addAll(of.subList(0, Math.min(perSource, of.size())));
        }
        return out;
    }
}
