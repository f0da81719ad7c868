package dev.safestream.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import java.util.HashMap;
import java.util.Map;

/**
 * Adam with decoupled weight decay (Loshchilov and Hutter), applied to named parameters after a backward pass, then
 * clears their gradients (PyTorch accumulates them). Weight decay skips biases and LayerNorm gains, as BERT's recipe
 * does. Temporaries live in a per-step manager so that a long run does not leak native memory.
 */
final class AdamW {
    private static final float BETA1 = 0.9f;
    private static final float BETA2 = 0.999f;
    private static final float EPS = 1e-6f;

    private final NDManager manager;
    private final float weightDecay;
    private final Map<String, NDArray> firstMoment = new HashMap<>();
    private final Map<String, NDArray> secondMoment = new HashMap<>();
    private int step;

    AdamW(NDManager manager, float weightDecay) {
        this.manager = manager;
        this.weightDecay = weightDecay;
    }

    /**
     * One update of every parameter in {@code params} with learning rate {@code lr}, the gradients first scaled so
     * that their global L2 norm is at most {@code maxNorm}. A step whose gradients are not finite is skipped (and
     * reported {@code false}): one bad batch must not turn every weight into NaN.
     */
    boolean step(Map<String, NDArray> params, float lr, float maxNorm) {
        double squares = 0;
        for (NDArray p : params.values()) {
            try (NDArray g = p.getGradient();
                    NDArray sq = g.square();
                    NDArray sum = sq.sum()) {
                squares += sum.getFloat();
            }
        }
        double norm = Math.sqrt(squares);
        if (!Double.isFinite(norm)) {
            for (NDArray p : params.values()) {
                clear(p, manager);
            }
            return false;
        }
        float clip = (float) Math.min(1.0, maxNorm / (norm + 1e-6));
        step++;
        float correction1 = 1 - (float) Math.pow(BETA1, step);
        float correction2 = 1 - (float) Math.pow(BETA2, step);
        for (Map.Entry<String, NDArray> e : params.entrySet()) {
            NDArray p = e.getValue();
            NDArray m = firstMoment.computeIfAbsent(e.getKey(), k -> manager.zeros(p.getShape()));
            NDArray v = secondMoment.computeIfAbsent(e.getKey(), k -> manager.zeros(p.getShape()));
            try (NDManager scope = manager.newSubManager()) {
                NDArray g = p.getGradient();
                g.attach(scope);
                if (clip < 1f) {
                    g.muli(clip);
                }
                m.muli(BETA1).addi(keep(scope, g.mul(1 - BETA1)));
                v.muli(BETA2).addi(keep(scope, g.square()).muli(1 - BETA2));
                NDArray denominator =
                        keep(scope, keep(scope, v.div(correction2)).sqrt()).addi(EPS);
                NDArray update = keep(scope, m.div(correction1)).divi(denominator);
                if (decays(e.getKey())) {
                    update.addi(keep(scope, p.mul(weightDecay)));
                }
                p.subi(update.muli(lr));
            }
            clear(p, manager);
        }
        return true;
    }

    /**
     * Sets the accumulated gradient to exactly 0 (subtracting or multiplying would keep a NaN a NaN). The indexed set
     * makes a temporary on the gradient's manager, so the gradient is moved into a scope first: on the parameters'
     * manager that temporary leaked about a parameter's size per parameter and step, and a run died of it.
     */
    private static void clear(NDArray p, NDManager manager) {
        try (NDManager scope = manager.newSubManager()) {
            NDArray g = p.getGradient();
            g.attach(scope);
            g.set(ALL, 0f);
        }
    }

    private static final NDIndex ALL = new NDIndex("...");

    private static boolean decays(String name) {
        return name.endsWith(".weight") && !name.contains("LayerNorm");
    }

    private static NDArray keep(NDManager scope, NDArray temporary) {
        temporary.attach(scope);
        return temporary;
    }
}
