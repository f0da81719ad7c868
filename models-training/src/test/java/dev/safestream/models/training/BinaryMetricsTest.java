package dev.safestream.models.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BinaryMetricsTest {
    @Test
    void aucCountsCorrectlyOrderedPairsWithTiesHalf() {
        boolean[] y = {false, false, true, true};
        assertThat(BinaryMetrics.auc(new double[] {0.1, 0.2, 0.8, 0.9}, y)).isEqualTo(1.0);
        assertThat(BinaryMetrics.auc(new double[] {0.9, 0.8, 0.2, 0.1}, y)).isEqualTo(0.0);
        assertThat(BinaryMetrics.auc(new double[] {0.5, 0.5, 0.5, 0.5}, y)).isEqualTo(0.5);
        assertThat(BinaryMetrics.auc(new double[] {0.1, 0.6, 0.5, 0.9}, y)).isEqualTo(0.75);
    }

    @Test
    void macroF1AveragesBothClasses() {
        boolean[] y = {true, true, false, false};
        double[] s = {0.9, 0.4, 0.6, 0.1};
        // positive class: tp 1, fp 1, fn 1 → 0.5; negative class: tn 1, fn 1, fp 1 → 0.5
        assertThat(BinaryMetrics.macroF1(s, y, 0.5)).isCloseTo(0.5, within(1e-9));
        assertThat(BinaryMetrics.bestThreshold(new double[] {0.9, 0.8, 0.3, 0.1}, y))
                .isBetween(0.31, 0.8);
    }

    @Test
    void logisticRegressionSeparatesSeparableData() {
        float[][] x = {{1, 0}, {0.9f, 0.1f}, {0, 1}, {0.1f, 0.9f}};
        float[] y = {1, 1, 0, 0};
        LinearHead head = new LogisticRegression(200, 0.5, 0, 1, 1).fit(new DenseDesign(x), y);
        DenseDesign d = new DenseDesign(x);
        assertThat(head.logit(d, 0)).isPositive();
        assertThat(head.logit(d, 2)).isNegative();
    }
}
