package dev.safestream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.safestream.models.onnx.EncoderHead;
import dev.safestream.models.onnx.FastModel;
import dev.safestream.models.text.SparseVector;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The exported graphs compute exactly what the trained weights say, when run by ONNX Runtime. */
class OnnxGraphsTest {
    private final Random random = new Random(1);

    @Test
    void fastModelIsASparseDotProductPlusBias() {
        float[][] w = randomMatrix(64, 2);
        float[] bias = {0.5f, -1f};
        SparseVector a = new SparseVector(new int[] {1, 7, 63}, new float[] {0.5f, 0.25f, 1f});
        SparseVector b = new SparseVector(new int[] {3}, new float[] {2f});
        try (FastModel model = new FastModel(OnnxGraphs.fastModel(w, bias), 2)) {
            float[][] logits = model.logits(List.of(a, b, new SparseVector(new int[0], new float[0])));
            for (int h = 0; h < 2; h++) {
                assertThat(logits[0][h]).isCloseTo(dot(a, w, h) + bias[h], within(1e-5f));
                assertThat(logits[1][h]).isCloseTo(dot(b, w, h) + bias[h], within(1e-5f));
                assertThat(logits[2][h]).isCloseTo(bias[h], within(1e-6f));
            }
        }
    }

    @Test
    void encoderHeadStacksTheEmbeddingAndTheFastLogits() {
        float[][] w = randomMatrix(4, 2);
        float[] alpha = {0.5f, 2f};
        float[] bias = {0.1f, -0.2f};
        float[] e = {0.1f, -0.3f, 0.7f, 0.2f};
        float[] fast = {1.5f, -0.5f};
        try (EncoderHead head = new EncoderHead(OnnxGraphs.encoderHead(w, alpha, bias), 2)) {
            float[] p = head.probabilities(new float[][] {e}, new float[][] {fast})[0];
            for (int h = 0; h < 2; h++) {
                double z = bias[h] + alpha[h] * fast[h];
                for (int j = 0; j < e.length; j++) {
                    z += e[j] * w[j][h];
                }
                assertThat((double) p[h]).isCloseTo(1 / (1 + Math.exp(-z)), within(1e-5));
            }
        }
    }

    private float[][] randomMatrix(int rows, int cols) {
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = (float) random.nextGaussian();
            }
        }
        return m;
    }

    private static float dot(SparseVector v, float[][] w, int head) {
        float sum = 0;
        for (int k = 0; k < v.size(); k++) {
            sum += v.values()[k] * w[v.indices()[k]][head];
        }
        return sum;
    }
}
