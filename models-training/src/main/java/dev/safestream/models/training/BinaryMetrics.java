package dev.safestream.models.training;

import java.util.Arrays;

/** Ranking and thresholded metrics of scores against 0/1 labels. */
final class BinaryMetrics {
    private BinaryMetrics() {}

    /** Area under the ROC curve (Mann-Whitney, ties averaged); NaN without both classes. */
    static double auc(double[] scores, boolean[] positive) {
        int n = scores.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(scores[a], scores[b]));
        double rankSum = 0;
        long positives = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && scores[order[j + 1]] == scores[order[i]]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                if (positive[order[k]]) {
                    rankSum += rank;
                    positives++;
                }
            }
            i = j + 1;
        }
        long negatives = n - positives;
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double) negatives);
    }

    /** Mean of the F1 of the positive and of the negative class, predicting positive at score ≥ threshold. */
    static double macroF1(double[] scores, boolean[] positive, double threshold) {
        long tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < scores.length; i++) {
            boolean predicted = scores[i] >= threshold;
            if (predicted && positive[i]) tp++;
            else if (predicted) fp++;
            else if (positive[i]) fn++;
            else tn++;
        }
        return (f1(tp, fp, fn) + f1(tn, fn, fp)) / 2;
    }

    /** The threshold (on a 0.01 grid) that maximises macro-F1. */
    static double bestThreshold(double[] scores, boolean[] positive) {
        double best = 0.5;
        double bestF1 = -1;
        for (int t = 1; t < 100; t++) {
            double f1 = macroF1(scores, positive, t / 100.0);
            if (f1 > bestF1) {
                bestF1 = f1;
                best = t / 100.0;
            }
        }
        return best;
    }

    private static double f1(long tp, long fp, long fn) {
        return tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
