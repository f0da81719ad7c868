package dev.safestream.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.safestream.models.Heads;
import dev.safestream.models.training.Domains;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fine-tuning objective: one logistic head per category on the unit-length sentence vector (what serving feeds its
 * head), with one intercept per source and head, and each source's loss masked to the heads it labels. These heads
 * only drive the fine-tuning; the shipped head is refitted on the fine-tuned vectors by the {@code train} command.
 */
final class TaskHeads {
    /** Unit vectors make small logits; a fixed scale lets the heads reach confident ones early. */
    private static final float SCALE = 10f;

    private final NDArray weights;
    private final NDArray intercepts;

    TaskHeads(NDManager manager) {
        weights = manager.randomNormal(
                0f, 0.02f, new Shape(MiniLm.HIDDEN, Heads.ALL.size()), ai.djl.ndarray.types.DataType.FLOAT32);
        intercepts = manager.zeros(new Shape(Domains.COUNT, Heads.ALL.size()));
        weights.setRequiresGradient(true);
        intercepts.setRequiresGradient(true);
    }

    Map<String, NDArray> parameters() {
        Map<String, NDArray> out = new LinkedHashMap<>();
        out.put("heads.weight", weights);
        out.put("heads.intercepts", intercepts);
        return out;
    }

    /** Logits {@code [batch, heads]} of the pooled vectors, each row with its own source's intercepts. */
    NDArray logits(NDManager scope, NDArray pooled, List<TrainingRow> rows) {
        int heads = Heads.ALL.size();
        float[] select = new float[rows.size() * Domains.COUNT * heads];
        for (int b = 0; b < rows.size(); b++) {
            for (int h = 0; h < heads; h++) {
                select[(b * Domains.COUNT + rows.get(b).domain()[h]) * heads + h] = 1f;
            }
        }
        NDArray domain = scope.create(select, new Shape(rows.size(), Domains.COUNT, heads));
        NDArray perRow = intercepts.expandDims(0); // a view made on the parameters' manager: the step's scope owns it
        perRow.attach(scope);
        NDArray offsets = domain.mul(perRow).sum(new int[] {1});
        return pooled.normalize(2, 1, 1e-12).matMul(weights).mul(SCALE).add(offsets);
    }

    /** Mean weighted binary cross-entropy over the labelled (row, head) pairs. */
    static NDArray loss(NDManager scope, NDArray logits, List<TrainingRow> rows) {
        int heads = Heads.ALL.size();
        float[] y = new float[rows.size() * heads];
        float[] w = new float[rows.size() * heads];
        for (int b = 0; b < rows.size(); b++) {
            TrainingRow row = rows.get(b);
            for (int h = 0; h < heads; h++) {
                boolean known = !Float.isNaN(row.labels()[h]);
                y[b * heads + h] = known ? row.labels()[h] : 0f;
                w[b * heads + h] = known ? row.weight() : 0f;
            }
        }
        NDArray labels = scope.create(y, logits.getShape());
        NDArray mask = scope.create(w, logits.getShape());
        // log(1 + e^z) - y z, written to stay finite for large |z|
        NDArray perPair = logits.maximum(0f)
                .sub(logits.mul(labels))
                .add(logits.abs().neg().exp().add(1f).log());
        return perPair.mul(mask).sum().div(Math.max(1e-6f, sum(w)));
    }

    private static float sum(float[] values) {
        float s = 0;
        for (float v : values) {
            s += v;
        }
        return s;
    }
}
