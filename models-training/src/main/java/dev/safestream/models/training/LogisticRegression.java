package dev.safestream.models.training;

import java.util.Random;

/**
 * L2-regularised logistic regression trained by AdaGrad over shuffled epochs. Deterministic for a given seed. Rows
 * whose label is {@code NaN} are skipped, which is how a head ignores sources that do not label it.
 *
 * @param epochs passes over the data
 * @param rate AdaGrad base learning rate
 * @param l2 L2 penalty per step
 * @param positiveWeight loss weight of positive rows (1 = unweighted; calibration happens afterwards)
 * @param seed shuffling seed
 */
record LogisticRegression(int epochs, double rate, double l2, double positiveWeight, long seed) {
    LinearHead fit(Design design, float[] labels) {
        float[] weights = new float[labels.length];
        java.util.Arrays.fill(weights, 1f);
        return fit(design, labels, weights);
    }

    /** @param weights per-row loss weight (e.g. more for debiasing examples) */
    LinearHead fit(Design design, float[] labels, float[] weights) {
        int[] rows = labelled(labels);
        float[] w = new float[design.dims()];
        float[] g2 = new float[design.dims()];
        double bias = 0;
        double biasG2 = 0;
        Random random = new Random(seed);
        for (int epoch = 0; epoch < epochs; epoch++) {
            shuffle(rows, random);
            for (int row : rows) {
                double y = labels[row];
                double p = sigmoid(design.dot(row, w) + bias);
                double weight = (y == 1 ? positiveWeight : 1) * weights[row];
                double gradient = (p - y) * weight;
                design.step(row, w, g2, gradient, rate, l2);
                biasG2 += gradient * gradient;
                bias -= rate * gradient / Math.sqrt(biasG2 + 1e-8);
            }
        }
        return new LinearHead(w, (float) bias);
    }

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    private static int[] labelled(float[] labels) {
        int n = 0;
        for (float label : labels) {
            if (!Float.isNaN(label)) {
                n++;
            }
        }
        int[] rows = new int[n];
        int k = 0;
        for (int i = 0; i < labels.length; i++) {
            if (!Float.isNaN(labels[i])) {
                rows[k++] = i;
            }
        }
        return rows;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
