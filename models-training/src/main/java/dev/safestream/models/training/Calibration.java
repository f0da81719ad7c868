package dev.safestream.models.training;

import dev.safestream.models.Heads;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Platt scaling of the fast model (p = sigmoid(a·logit + b)) and the stacker of the encoder path
 * (p = sigmoid(β·encoderLogit + α·fastCalibratedLogit + c)), both fitted on out-of-fold logits so they see the same
 * kind of scores serving will.
 */
final class Calibration {
    private static final LogisticRegression SMALL = new LogisticRegression(30, 0.05, 0, 1, 7);

    /** Per head: {a, b}. */
    static float[][] platt(double[][] logits, List<Example> examples) {
        return perHead(examples, (i, h) -> new float[] {(float) logits[i][h]});
    }

    /** Per head: {β, α, c}. */
    static float[][] stacker(double[][] encoderLogits, double[][] fastCalibrated, List<Example> examples) {
        return perHead(examples, (i, h) -> new float[] {(float) encoderLogits[i][h], (float) fastCalibrated[i][h]});
    }

    /** Per head, a small logistic regression on the given per-example features: its weights, then its bias. */
    private static float[][] perHead(List<Example> examples, BiFunction<Integer, Integer, float[]> features) {
        float[][] out = new float[Heads.ALL.size()][];
        for (int h = 0; h < out.length; h++) {
            float[][] x = new float[examples.size()][];
            for (int i = 0; i < x.length; i++) {
                x[i] = features.apply(i, h);
            }
            LinearHead fit = SMALL.fit(new DenseDesign(x), CrossValidator.labels(examples, h));
            out[h] = java.util.Arrays.copyOf(fit.weights(), fit.weights().length + 1);
            out[h][fit.weights().length] = fit.bias();
        }
        return out;
    }

    static double[][] apply(double[][] logits, float[][] platt) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = new double[logits[i].length];
            for (int h = 0; h < logits[i].length; h++) {
                out[i][h] = platt[h][0] * logits[i][h] + platt[h][1];
            }
        }
        return out;
    }

    static double[][] stack(double[][] encoderLogits, double[][] fastCalibrated, float[][] stacker) {
        double[][] out = new double[encoderLogits.length][];
        for (int i = 0; i < encoderLogits.length; i++) {
            out[i] = new double[encoderLogits[i].length];
            for (int h = 0; h < out[i].length; h++) {
                out[i][h] = stacker[h][0] * encoderLogits[i][h] + stacker[h][1] * fastCalibrated[i][h] + stacker[h][2];
            }
        }
        return out;
    }

    static double[][] sigmoid(double[][] logits) {
        double[][] out = new double[logits.length][];
        for (int i = 0; i < logits.length; i++) {
            out[i] = new double[logits[i].length];
            for (int h = 0; h < logits[i].length; h++) {
                out[i][h] = LogisticRegression.sigmoid(logits[i][h]);
            }
        }
        return out;
    }

    private Calibration() {}
}
