package dev.safestream.models.onnx;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.safestream.models.text.SparseVector;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.List;
import java.util.Map;

/** The hashed n-gram linear model ({@code fast.onnx}): calibrated logits and probabilities per head. */
public final class FastModel implements AutoCloseable {
    private final OrtSession session;
    private final int heads;

    public FastModel(byte[] onnx, int heads) {
        this.session = Onnx.session(onnx, 1);
        this.heads = heads;
    }

    /** @return [text][head] calibrated logits */
    public float[][] logits(List<SparseVector> rows) {
        int width = 1;
        for (SparseVector row : rows) {
            width = Math.max(width, row.size());
        }
        long[] indices = new long[rows.size() * width];
        float[] values = new float[rows.size() * width];
        for (int i = 0; i < rows.size(); i++) {
            SparseVector row = rows.get(i);
            for (int k = 0; k < row.size(); k++) {
                indices[i * width + k] = row.indices()[k];
                values[i * width + k] = row.values()[k];
            }
        }
        long[] shape = {rows.size(), width};
        try (OnnxTensor idx = OnnxTensor.createTensor(Onnx.ENV, LongBuffer.wrap(indices), shape);
                OnnxTensor val = OnnxTensor.createTensor(Onnx.ENV, FloatBuffer.wrap(values), shape);
                OrtSession.Result result =
                        session.run(Map.of("indices", idx, "values", val), java.util.Set.of("logits"))) {
            return Onnx.rows((OnnxTensor) result.get(0), rows.size(), heads);
        } catch (OrtException e) {
            throw new IllegalStateException("Fast model inference failed", e);
        }
    }

    @Override
    public void close() {
        Onnx.close(session);
    }
}
