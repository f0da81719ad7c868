package dev.safestream.models.training;

import dev.safestream.models.Heads;
import dev.safestream.models.ModelManifest;
import dev.safestream.models.onnx.EncoderSpec;
import dev.safestream.models.onnx.SentenceEncoder;
import dev.safestream.models.text.ChatText;
import dev.safestream.models.text.HashedNgrams;
import dev.safestream.models.text.SparseVector;
import dev.safestream.models.text.TextNormalizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The whole training run: features, k-fold cross-validation of the fast model, the encoder head and the cascade,
 * calibration, the final fit on all data, and the export of the ONNX artifacts. Returns everything the model card
 * reports.
 */
final class Training {
    /** How much mean macro-F1 the cascade may give up against sending every message to the encoder. */
    static final double TOLERANCE = 0.005;

    record CascadeOption(double low, double high, double routed, double quality) {}

    record Result(
            List<Evaluation.Row> fastRows,
            List<Evaluation.Row> encoderRows,
            List<Evaluation.Row> cascadeRows,
            List<CascadeOption> cascadeOptions,
            CascadeOption chosen,
            double[] thresholds,
            int trainingRows,
            double encoderSeconds,
            SparseDesign sparse,
            DenseDesign dense,
            float[][] platt,
            float[][] stacker) {}

    private final EncoderSpec spec;
    private final int folds;
    private final long seed;
    private final int threads;
    private final Path cache;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final HashedNgrams ngrams = new HashedNgrams(normalizer, Trainer.NGRAM_BUCKETS);

    Training(EncoderSpec spec, int folds, long seed, int threads, Path cache) {
        this.spec = spec;
        this.folds = folds;
        this.seed = seed;
        this.threads = threads;
        this.cache = cache;
    }

    /** Cross-validates on {@code examples}, then fits on all of them and writes the artifacts to {@code out}. */
    Result run(List<Example> examples, Path out, String version) {
        SparseDesign sparse = sparse(examples);
        double[] encoderSeconds = new double[1];
        DenseDesign dense = dense(examples, encoderSeconds);
        Folds split = Folds.of(examples, folds, seed);

        log("cross-validating the fast model");
        CrossValidator.OutOfFold fastOof = CrossValidator.outOfFold(sparse, examples, split, Trainer.NGRAM_LR);
        float[][] platt = Calibration.platt(fastOof.own(), examples);
        double[][] fastCalOwn = Calibration.apply(fastOof.own(), platt);
        double[][] fastCalServed = Calibration.apply(fastOof.served(), platt);
        log("cross-validating the encoder head");
        CrossValidator.OutOfFold encoderOof = CrossValidator.outOfFold(dense, examples, split, Trainer.HEAD_LR);
        float[][] stacker = Calibration.stacker(encoderOof.own(), fastCalOwn, examples);
        double[][] fastProb = Calibration.sigmoid(fastCalServed);
        double[][] stackedProb = Calibration.sigmoid(Calibration.stack(encoderOof.served(), fastCalServed, stacker));

        List<CascadeOption> options = cascadeOptions(examples, fastProb, stackedProb);
        double full = quality(examples, stackedProb);
        CascadeOption chosen = options.stream()
                .filter(o -> o.quality() >= full - TOLERANCE)
                .min(java.util.Comparator.comparingDouble(CascadeOption::routed))
                .orElse(options.get(options.size() - 1));
        double[][] cascadeProb = cascade(fastProb, stackedProb, chosen.low(), chosen.high());
        double[] thresholds = Evaluation.servedThresholds(examples, cascadeProb);

        log("fitting the final models on all data");
        exportFinal(examples, sparse, dense, platt, stacker, out);
        ModelManifest manifest = new ModelManifest(
                version, spec.name(), Trainer.NGRAM_BUCKETS, Heads.ALL, chosen.low(), chosen.high(), named(thresholds));
        Artifacts.writeManifest(out, manifest);

        return new Result(
                Evaluation.rows(examples, fastProb, Evaluation.servedThresholds(examples, fastProb)),
                Evaluation.rows(examples, stackedProb, Evaluation.servedThresholds(examples, stackedProb)),
                Evaluation.rows(examples, cascadeProb, thresholds),
                options,
                chosen,
                thresholds,
                examples.size(),
                encoderSeconds[0],
                sparse,
                dense,
                platt,
                stacker);
    }

    /** Fits both models on all rows and writes {@code fast.onnx} and {@code encoder-head.onnx}. */
    void exportFinal(
            List<Example> examples,
            SparseDesign sparse,
            DenseDesign dense,
            float[][] platt,
            float[][] stacker,
            Path out) {
        int heads = Heads.ALL.size();
        float[][] fastW = new float[sparse.dims()][heads];
        float[] fastB = new float[heads];
        float[][] headW = new float[dense.dims()][heads];
        float[] alpha = new float[heads];
        float[] headB = new float[heads];
        float[] w = CrossValidator.weights(examples);
        for (int h = 0; h < heads; h++) {
            float[] y = CrossValidator.labels(examples, h);
            int reference = Domains.reference(h);
            LinearHead fast = Trainer.NGRAM_LR.fit(new DomainDesign(sparse, Domains.own(examples, h)), y, w);
            for (int j = 0; j < fastW.length; j++) {
                fastW[j][h] = platt[h][0] * fast.weights()[j];
            }
            fastB[h] = platt[h][0] * (fast.bias() + fast.weights()[sparse.dims() + reference]) + platt[h][1];
            LinearHead head = Trainer.HEAD_LR.fit(new DomainDesign(dense, Domains.own(examples, h)), y, w);
            for (int j = 0; j < headW.length; j++) {
                headW[j][h] = stacker[h][0] * head.weights()[j];
            }
            alpha[h] = stacker[h][1];
            headB[h] = stacker[h][0] * (head.bias() + head.weights()[dense.dims() + reference]) + stacker[h][2];
        }
        Artifacts.write(out, ModelManifest.FAST_MODEL, OnnxGraphs.fastModel(fastW, fastB));
        Artifacts.write(out, ModelManifest.ENCODER_HEAD, OnnxGraphs.encoderHead(headW, alpha, headB));
    }

    SparseDesign sparse(List<Example> examples) {
        log("hashing n-grams");
        SparseVector[] rows =
                examples.stream().map(e -> ngrams.features(e.text())).toArray(SparseVector[]::new);
        return new SparseDesign(rows, ngrams.buckets());
    }

    DenseDesign dense(List<Example> examples, double[] encoderSeconds) {
        log("embedding with " + spec.name());
        try (SentenceEncoder encoder = new SentenceEncoder(spec, threads)) {
            List<String> texts = examples.stream()
                    .map(e -> normalizer.forEncoder(ChatText.canonical(e.text())))
                    .toList();
            return new DenseDesign(new EmbeddingCache(encoder, cache).embed(texts, encoderSeconds));
        }
    }

    /**
     * Candidate bands around the fast model's own toxic threshold t: [t / a, t · b) for a, b in 1.5–5, each scored by
     * the mean macro-F1 of the routing heads at the thresholds the cascade would ship with.
     */
    private static List<CascadeOption> cascadeOptions(
            List<Example> examples, double[][] fastProb, double[][] stackedProb) {
        List<CascadeOption> options = new ArrayList<>();
        int toxic = Heads.index(Heads.TOXIC);
        double t = Evaluation.servedThresholds(examples, fastProb)[toxic];
        for (double below : new double[] {1.5, 2, 3, 5}) {
            for (double above : new double[] {1.5, 2, 3, 5}) {
                double low = round(t / below);
                double high = round(Math.min(0.99, t * above));
                double[][] p = cascade(fastProb, stackedProb, low, high);
                long routed = 0;
                for (double[] row : fastProb) {
                    routed += row[toxic] >= low && row[toxic] < high ? 1 : 0;
                }
                options.add(new CascadeOption(low, high, routed / (double) fastProb.length, quality(examples, p)));
            }
        }
        return options;
    }

    static double quality(List<Example> examples, double[][] p) {
        return Evaluation.meanRoutingF1(Evaluation.rows(examples, p, Evaluation.servedThresholds(examples, p)));
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    static double[][] cascade(double[][] fastProb, double[][] stackedProb, double low, double high) {
        int toxic = Heads.index(Heads.TOXIC);
        double[][] out = new double[fastProb.length][];
        for (int i = 0; i < fastProb.length; i++) {
            double p = fastProb[i][toxic];
            out[i] = p >= low && p < high ? stackedProb[i] : fastProb[i];
        }
        return out;
    }

    private static java.util.Map<String, Double> named(double[] thresholds) {
        java.util.Map<String, Double> out = new java.util.LinkedHashMap<>();
        for (int h = 0; h < thresholds.length; h++) {
            out.put(Heads.ALL.get(h), thresholds[h]);
        }
        return out;
    }

    static void log(String what) {
        System.err.printf("[train %tT] %s%n", System.currentTimeMillis(), what);
    }
}
