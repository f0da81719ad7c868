package dev.safestream.finetune;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.norm.LayerNorm;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 (a 6-layer, 384-wide BERT with 12 attention heads) written with DJL NDArray operations, so that
 * PyTorch's autograd can fine-tune it. Its parameters carry the Hugging Face names and ONNX's layouts ({@link
 * OnnxWeights}), which is what lets {@link OnnxExport} write them back into the original graph.
 *
 * <p>The token embeddings are frozen: they are looked up in Java ({@link #embed}) and only the layers from the
 * embedding LayerNorm up are trained. That keeps 11.7M of the 22.7M parameters (and their Adam state) out of every
 * step, and leaves the vocabulary's geometry, which 50k labelled tweets cannot improve, as pretrained.
 */
final class MiniLm {
    static final int LAYERS = 6;
    static final int HIDDEN = 384;
    static final int HEADS = 12;
    static final int HEAD_DIM = HIDDEN / HEADS;
    private static final float LAYER_NORM_EPS = 1e-12f;

    private final Tensor words;
    private final Tensor positions;
    private final Tensor tokenTypes;
    private final Map<String, NDArray> trainable = new LinkedHashMap<>();
    private final float dropout;

    MiniLm(Map<String, Tensor> weights, NDManager manager, float dropout) {
        this.words = weights.get("embeddings.word_embeddings.weight");
        this.positions = weights.get("embeddings.position_embeddings.weight");
        this.tokenTypes = weights.get("embeddings.token_type_embeddings.weight");
        this.dropout = dropout;
        for (Map.Entry<String, Tensor> e : weights.entrySet()) {
            if (!e.getKey().startsWith("embeddings.") || e.getKey().startsWith("embeddings.LayerNorm")) {
                NDArray p = manager.create(
                        e.getValue().data(), new Shape(e.getValue().shape()));
                p.setRequiresGradient(true);
                trainable.put(e.getKey(), p);
            }
        }
    }

    /** The trained parameters by Hugging Face name (ONNX layout). */
    Map<String, NDArray> parameters() {
        return trainable;
    }

    /** Word + position + token-type embeddings of a padded batch, {@code [batch, width, HIDDEN]}. */
    NDArray embed(NDManager manager, List<int[]> batch, int width) {
        float[] out = new float[batch.size() * width * HIDDEN];
        for (int b = 0; b < batch.size(); b++) {
            int[] ids = batch.get(b);
            for (int t = 0; t < width; t++) {
                int id = t < ids.length ? ids[t] : 0;
                int base = (b * width + t) * HIDDEN;
                for (int d = 0; d < HIDDEN; d++) {
                    out[base + d] = words.data()[id * HIDDEN + d]
                            + positions.data()[t * HIDDEN + d]
                            + tokenTypes.data()[d];
                }
            }
        }
        return manager.create(out, new Shape(batch.size(), width, HIDDEN));
    }

    /** 1 for real tokens, 0 for padding, {@code [batch, width]}. */
    static NDArray mask(NDManager manager, List<int[]> batch, int width) {
        float[] out = new float[batch.size() * width];
        for (int b = 0; b < batch.size(); b++) {
            for (int t = 0; t < Math.min(width, batch.get(b).length); t++) {
                out[b * width + t] = 1f;
            }
        }
        return manager.create(out, new Shape(batch.size(), width));
    }

    /** Last hidden states {@code [batch, width, HIDDEN]}; dropout only when {@code training}. */
    NDArray forward(NDArray embeddings, NDArray mask, boolean training) {
        NDArray x = drop(layerNorm(embeddings, "embeddings.LayerNorm"), training);
        // additive attention bias: 0 for tokens, a large negative number for padding, [batch, 1, 1, width]
        NDArray bias = mask.sub(1f).mul(1e4f).expandDims(1).expandDims(1);
        for (int layer = 0; layer < LAYERS; layer++) {
            String p = "encoder.layer." + layer + ".";
            NDArray attention = attention(x, bias, p + "attention.self.");
            attention = drop(linear(attention, p + "attention.output.dense"), training);
            x = layerNorm(attention.add(x), p + "attention.output.LayerNorm");
            NDArray hidden = Activation.gelu(linear(x, p + "intermediate.dense"));
            hidden = drop(linear(hidden, p + "output.dense"), training);
            x = layerNorm(hidden.add(x), p + "output.LayerNorm");
        }
        return x;
    }

    /** Mask-weighted mean of the token states, {@code [batch, HIDDEN]}: the sentence vector MiniLM was trained for. */
    static NDArray meanPool(NDArray states, NDArray mask) {
        NDArray m = mask.expandDims(2);
        return states.mul(m).sum(new int[] {1}).div(m.sum(new int[] {1}).maximum(1e-9f));
    }

    private NDArray attention(NDArray x, NDArray bias, String p) {
        long batch = x.getShape().get(0);
        long width = x.getShape().get(1);
        NDArray q = heads(linear(x, p + "query"), batch, width);
        NDArray k = heads(linear(x, p + "key"), batch, width);
        NDArray v = heads(linear(x, p + "value"), batch, width);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2))
                .div((float) Math.sqrt(HEAD_DIM))
                .add(bias);
        NDArray context = scores.softmax(-1).matMul(v);
        return context.transpose(0, 2, 1, 3).reshape(batch, width, HIDDEN);
    }

    private static NDArray heads(NDArray x, long batch, long width) {
        return x.reshape(batch, width, HEADS, HEAD_DIM).transpose(0, 2, 1, 3);
    }

    private NDArray linear(NDArray x, String module) {
        return x.matMul(trainable.get(module + ".weight")).add(trainable.get(module + ".bias"));
    }

    /** PyTorch's fused layer norm: faster than composing it, and its gradient stays finite for near-constant rows. */
    private NDArray layerNorm(NDArray x, String module) {
        return LayerNorm.layerNorm(
                        x,
                        new Shape(HIDDEN),
                        trainable.get(module + ".weight"),
                        trainable.get(module + ".bias"),
                        LAYER_NORM_EPS)
                .singletonOrThrow();
    }

    private NDArray drop(NDArray x, boolean training) {
        return training && dropout > 0 ? Dropout.dropout(x, dropout, true).singletonOrThrow() : x;
    }
}
