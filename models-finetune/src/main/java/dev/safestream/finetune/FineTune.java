package dev.safestream.finetune;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The fine-tuning loop: length-bucketed mini-batches (padding to the batch's longest text, not a fixed width, is most of
 * the speed on tweets), AdamW with a linear warm-up then linear decay, a higher learning rate for the new heads than
 * for the pretrained layers.
 */
final class FineTune {
    /**
     * @param epochs passes over the training rows
     * @param batchSize rows per step
     * @param learningRate peak learning rate of the pretrained layers
     * @param headLearningRate peak learning rate of the task heads
     * @param warmup fraction of all steps spent warming up
     * @param weightDecay decoupled weight decay of weight matrices
     * @param seed shuffling seed
     * @param checkpointEvery steps between checkpoints within an epoch (a crash or a stop loses at most that many)
     */
    record Settings(
            int epochs,
            int batchSize,
            float learningRate,
            float headLearningRate,
            float warmup,
            float weightDecay,
            long seed,
            int checkpointEvery) {}

    /** Called after each epoch and every {@code checkpointEvery} steps, e.g. to export a checkpoint. */
    interface Checkpoint {
        void save(String what);
    }

    /** Global gradient-norm clip, BERT's usual 1.0. */
    static final float MAX_GRAD_NORM = 1f;

    private final MiniLm model;
    private int skipped;
    private final TaskHeads heads;
    private final NDManager manager;
    private final Settings settings;

    FineTune(MiniLm model, TaskHeads heads, NDManager manager, Settings settings) {
        this.model = model;
        this.heads = heads;
        this.manager = manager;
        this.settings = settings;
    }

    void run(List<TrainingRow> rows, Checkpoint checkpoint) {
        AdamW encoderOptimizer = new AdamW(manager, settings.weightDecay());
        AdamW headOptimizer = new AdamW(manager, 0f);
        Random random = new Random(settings.seed());
        int stepsPerEpoch = (rows.size() + settings.batchSize() - 1) / settings.batchSize();
        int total = stepsPerEpoch * settings.epochs();
        int step = 0;
        long started = System.nanoTime();
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            double lossSum = 0;
            int lossCount = 0;
            for (List<TrainingRow> batch : batches(rows, settings.batchSize(), random)) {
                float schedule = schedule(step++, total);
                float loss = step(batch, encoderOptimizer, headOptimizer, schedule);
                if (Float.isFinite(loss)) {
                    lossSum += loss;
                    lossCount++;
                }
                if (step % 50 == 0) {
                    double elapsed = (System.nanoTime() - started) / 1e9;
                    FineTuneCommand.log(String.format(
                            "epoch %d step %d/%d loss %.4f (%.2f s/step, %.0f min left)",
                            epoch,
                            step,
                            total,
                            lossSum / lossCount,
                            elapsed / step,
                            elapsed / step * (total - step) / 60));
                    lossSum = 0;
                    lossCount = 0;
                }
                if (step % settings.checkpointEvery() == 0) {
                    checkpoint.save("step " + step);
                }
            }
            checkpoint.save("epoch " + epoch);
        }
    }

    /** One optimisation step on {@code batch}; returns its loss before the update. */
    float step(List<TrainingRow> batch, AdamW encoderOptimizer, AdamW headOptimizer, float schedule) {
        List<int[]> ids = batch.stream().map(TrainingRow::ids).toList();
        int width = ids.stream().mapToInt(a -> a.length).max().orElse(1);
        float loss;
        try (NDManager scope = manager.newSubManager()) {
            NDArray embeddings = model.embed(scope, ids, width);
            NDArray mask = MiniLm.mask(scope, ids, width);
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                NDArray states = model.forward(embeddings, mask, true);
                NDArray logits = heads.logits(scope, MiniLm.meanPool(states, mask), batch);
                NDArray objective = TaskHeads.loss(scope, logits, batch);
                collector.backward(objective);
                loss = objective.getFloat();
            }
        }
        boolean finite = encoderOptimizer.step(model.parameters(), settings.learningRate() * schedule, MAX_GRAD_NORM);
        finite &= headOptimizer.step(heads.parameters(), settings.headLearningRate() * schedule, MAX_GRAD_NORM);
        if (!finite || !Float.isFinite(loss)) {
            skipped++;
            FineTuneCommand.log("skipped a step with a non-finite loss or gradient (" + skipped + " so far)");
        }
        return loss;
    }

    private float schedule(int step, int total) {
        int warm = Math.max(1, Math.round(total * settings.warmup()));
        return step < warm ? (step + 1) / (float) warm : Math.max(0f, (total - step) / (float) (total - warm));
    }

    /** Shuffled rows, sorted by length within windows of 50 batches, cut into batches, batches shuffled. */
    static List<List<TrainingRow>> batches(List<TrainingRow> rows, int size, Random random) {
        List<TrainingRow> shuffled = new ArrayList<>(rows);
        Collections.shuffle(shuffled, random);
        List<List<TrainingRow>> out = new ArrayList<>();
        int window = size * 50;
        for (int from = 0; from < shuffled.size(); from += window) {
            List<TrainingRow> part = new ArrayList<>(shuffled.subList(from, Math.min(shuffled.size(), from + window)));
            part.sort(Comparator.comparingInt(r -> r.ids().length));
            for (int i = 0; i < part.size(); i += size) {
                out.add(part.subList(i, Math.min(part.size(), i + size)));
            }
        }
        Collections.shuffle(out, random);
        return out;
    }

    /** Unit-length sentence vectors of {@code ids}, without dropout or gradients. */
    static float[][] embed(MiniLm model, NDManager manager, List<int[]> ids) {
        int width = ids.stream().mapToInt(a -> a.length).max().orElse(1);
        try (NDManager scope = manager.newSubManager()) {
            NDArray mask = MiniLm.mask(scope, ids, width);
            NDArray pooled = MiniLm.meanPool(model.forward(model.embed(scope, ids, width), mask, false), mask);
            float[] flat = pooled.normalize(2, 1, 1e-12).toFloatArray();
            float[][] out = new float[ids.size()][MiniLm.HIDDEN];
            for (int i = 0; i < out.length; i++) {
                System.arraycopy(flat, i * MiniLm.HIDDEN, out[i], 0, MiniLm.HIDDEN);
            }
            return out;
        }
    }
}
