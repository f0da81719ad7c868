package dev.safestream.models.training;

import dev.safestream.models.Heads;
import dev.safestream.models.ModelArtifacts;
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
            float[][] stacker,
            HeldOut heldOut) {}

    /**
     * Quality on the {@link Holdout} rows only, which neither the fine-tuned encoder nor (being out of fold) the
     * heads saw, at the thresholds that ship. {@code baseline*} is the same pipeline on the baseline encoder (the
     * frozen pretrained one), or empty when no baseline was asked for.
     */
    record HeldOut(
            int rows,
            List<Evaluation.Row> fast,
            List<Evaluation.Row> cascade,
            List<Evaluation.Row> encoder,
            String baselineName,
            List<Evaluation.Row> baselineCascade,
            List<Evaluation.Row> baselineEncoder,
            CascadeOption baselineChosen) {}

    /** What the encoder path adds on top of the fast model's out-of-fold scores. */
    private record EncoderPath(
            float[][] stacker,
            double[][] stackedProb,
            List<CascadeOption> options,
            CascadeOption chosen,
            double[][] cascadeProb,
            double[] thresholds) {}

    private final EncoderSpec spec;
    private final EncoderSpec baseline;
    private final int folds;
    private final long seed;
    private final int threads;
    private final Path cache;
    private final TextNormalizer normalizer = new TextNormalizer();
    private final HashedNgrams ngrams = new HashedNgrams(normalizer, Trainer.NGRAM_BUCKETS);

    /** @param baseline encoder to compare on the held-out rows, or {@code null} */
    Training(EncoderSpec spec, EncoderSpec baseline, int folds, long seed, int threads, Path cache) {
        this.spec = spec;
        this.baseline = baseline;
        this.folds = folds;
        this.seed = seed;
        this.threads = threads;
        this.cache = cache;
    }

    /**
     * Cross-validates on {@code examples}, then fits on all of them and writes the artifacts to {@code out}. {@code
     * heldOut} marks the {@link Holdout} rows reported separately.
     */
    Result run(List<Example> examples, boolean[] heldOut, Path out, String version) {
        SparseDesign sparse = sparse(examples);
        double[] encoderSeconds = new double[1];
        DenseDesign dense = dense(spec, out, examples, encoderSeconds);
        Folds split = Folds.of(examples, folds, seed);

        log("cross-validating the fast model");
        CrossValidator.OutOfFold fastOof = CrossValidator.outOfFold(sparse, examples, split, Trainer.NGRAM_LR);
        float[][] platt = Calibration.platt(fastOof.own(), examples);
        double[][] fastCalOwn = Calibration.apply(fastOof.own(), platt);
        double[][] fastCalServed = Calibration.apply(fastOof.served(), platt);
        double[][] fastProb = Calibration.sigmoid(fastCalServed);
        log("cross-validating the encoder head on " + spec.name());
        EncoderPath path = encoderPath(dense, examples, split, fastCalOwn, fastCalServed, fastProb);
        EncoderPath base = null;
        if (baseline != null) {
            log("cross-validating the encoder head on the baseline " + baseline.name());
            DenseDesign baseDense = dense(baseline, out, examples, new double[1]);
            base = encoderPath(baseDense, examples, split, fastCalOwn, fastCalServed, fastProb);
        }

        log("fitting the final models on all data");
        exportFinal(examples, sparse, dense, platt, path.stacker(), out);
        ModelManifest manifest = new ModelManifest(
                version,
                spec.name(),
                Trainer.NGRAM_BUCKETS,
                Heads.ALL,
                path.chosen().low(),
                path.chosen().high(),
                named(path.thresholds()));
        Artifacts.writeManifest(out, manifest);

        double[] fastThresholds = Evaluation.servedThresholds(examples, fastProb);
        double[] encoderThresholds = Evaluation.servedThresholds(examples, path.stackedProb());
        Held held = Held.of(examples, heldOut);
        HeldOut heldOutRows = new HeldOut(
                held.examples().size(),
                held.rows(fastProb, fastThresholds),
                held.rows(path.cascadeProb(), path.thresholds()),
                held.rows(path.stackedProb(), encoderThresholds),
                baseline == null ? "" : baseline.name(),
                base == null ? List.of() : held.rows(base.cascadeProb(), base.thresholds()),
                base == null
                        ? List.of()
                        : held.rows(base.stackedProb(), Evaluation.servedThresholds(examples, base.stackedProb())),
                base == null ? null : base.chosen());
        return new Result(
                Evaluation.rows(examples, fastProb, fastThresholds),
                Evaluation.rows(examples, path.stackedProb(), encoderThresholds),
                Evaluation.rows(examples, path.cascadeProb(), path.thresholds()),
                path.options(),
                path.chosen(),
                path.thresholds(),
                examples.size(),
                encoderSeconds[0],
                sparse,
                dense,
                platt,
                path.stacker(),
                heldOutRows);
    }

    private EncoderPath encoderPath(
            DenseDesign dense,
            List<Example> examples,
            Folds split,
            double[][] fastCalOwn,
            double[][] fastCalServed,
            double[][] fastProb) {
        CrossValidator.OutOfFold encoderOof = CrossValidator.outOfFold(dense, examples, split, Trainer.HEAD_LR);
        float[][] stacker = Calibration.stacker(encoderOof.own(), fastCalOwn, examples);
        double[][] stackedProb = Calibration.sigmoid(Calibration.stack(encoderOof.served(), fastCalServed, stacker));
        List<CascadeOption> options = cascadeOptions(examples, fastProb, stackedProb);
        double full = quality(examples, stackedProb);
        CascadeOption chosen = options.stream()
                .filter(o -> o.quality() >= full - TOLERANCE)
                .min(java.util.Comparator.comparingDouble(CascadeOption::routed))
                .orElse(options.get(options.size() - 1));
        double[][] cascadeProb = cascade(fastProb, stackedProb, chosen.low(), chosen.high());
        double[] thresholds = Evaluation.servedThresholds(examples, cascadeProb);
        return new EncoderPath(stacker, stackedProb, options, chosen, cascadeProb, thresholds);
    }

    /** The held-out rows of a run and their slice of any score matrix. */
    private record Held(List<Example> examples, int[] index) {
        static Held of(List<Example> all, boolean[] heldOut) {
            int[] index = java.util.stream.IntStream.range(0, all.size())
                    .filter(i -> i < heldOut.length && heldOut[i])
                    .toArray();
            return new Held(java.util.Arrays.stream(index).mapToObj(all::get).toList(), index);
        }

        List<Evaluation.Row> rows(double[][] scores, double[] thresholds) {
            double[][] slice = new double[index.length][];
            for (int k = 0; k < index.length; k++) {
                slice[k] = scores[index[k]];
            }
            return Evaluation.rows(examples, slice, thresholds);
        }
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

    /** Sentence vectors; an encoder of the model set is read from {@code modelSet}, others from the classpath. */
    DenseDesign dense(EncoderSpec encoderSpec, Path modelSet, List<Example> examples, double[] encoderSeconds) {
        log("embedding with " + encoderSpec.name());
        try (SentenceEncoder encoder = ModelArtifacts.directory(modelSet).encoder(encoderSpec, threads)) {
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
