package dev.safestream.models.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.util.Map;
import java.util.Set;

/**
 * The head over sentence vectors ({@code encoder-head.onnx}), stacked with the fast model's logits: calibrated
 * probabilities per head.
 */
public final class EncoderHead implements AutoCloseable {
    private final OrtSession session;
    private final int heads;

    public EncoderHead(byte[] onnx, int heads) {
        this.session = Onnx.session(onnx, 1);
        this.heads = heads;
    }

    /** @return [text][head] probabilities */
    public float[][] probabilities(float[][] embeddings, float[][] fastLogits) {
        int n = embeddings.length;
        try (OnnxTensor emb = OnnxTensor.createTensor(
                        Onnx.ENV, FloatBuffer.wrap(flatten(embeddings)), new long[] {n, embeddings[0].length});
                OnnxTensor fast = OnnxTensor.createTensor(
                        Onnx.ENV, FloatBuffer.wrap(flatten(fastLogits)), new long[] {n, heads});
                OrtSession.Result result =
                        session.run(Map.of("embedding", emb, "fast_logits", fast), Set.of("probabilities"))) {
            return Onnx.rows((OnnxTensor) result.get(0), n, heads);
        } catch (OrtException e) {
            throw new IllegalStateException("Encoder head inference failed", e);
        }
    }

    private static float[] flatten(float[][] rows) {
        int width = rows[0].length;
        float[] out = new float[rows.length * width];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, out, i * width, width);
        }
        return out;
    }

    @Override
    public void close() {
        Onnx.close(session);
    }
}
