package dev.safestream.models.training;

import dev.safestream.models.Heads;
import java.util.List;

/** Out-of-fold scores of a per-head logistic model: each example scored by the model trained without its fold. */
final class CrossValidator {
    private CrossValidator() {}

    /**
     * Out-of-fold logits, [example][head], with per-source intercepts: {@code own} with each example's own source
     * offset (for calibration), {@code served} with the head's reference offset (what serving computes).
     */
    record OutOfFold(double[][] own, double[][] served) {}

    static OutOfFold outOfFold(Design design, List<Example> examples, Folds folds, LogisticRegression lr) {
        int heads = Heads.ALL.size();
        double[][] own = new double[examples.size()][heads];
        double[][] served = new double[examples.size()][heads];
        for (int head = 0; head < heads; head++) {
            DomainDesign ownDesign = new DomainDesign(design, Domains.own(examples, head));
            DomainDesign servedDesign = new DomainDesign(design, Domains.served(examples.size(), head));
            for (int fold = 0; fold < folds.k(); fold++) {
                int[] train = folds.train(fold);
                LinearHead model =
                        lr.fit(ownDesign.subset(train), labels(examples, train, head), weights(examples, train));
                for (int row : folds.test(fold)) {
                    own[row][head] = model.logit(ownDesign, row);
                    served[row][head] = model.logit(servedDesign, row);
                }
            }
        }
        return new OutOfFold(own, served);
    }

    /** @return out-of-fold logits, [example][head] */
    static double[][] outOfFoldLogits(Design design, List<Example> examples, Folds folds, LogisticRegression lr) {
        double[][] logits = new double[examples.size()][Heads.ALL.size()];
        for (int fold = 0; fold < folds.k(); fold++) {
            int[] train = folds.train(fold);
            int[] test = folds.test(fold);
            Design trainDesign = design.subset(train);
            for (int head = 0; head < Heads.ALL.size(); head++) {
                LinearHead model = lr.fit(trainDesign, labels(examples, train, head), weights(examples, train));
                for (int row : test) {
                    logits[row][head] = model.logit(design, row);
                }
            }
        }
        return logits;
    }

    static float[] labels(List<Example> examples, int[] rows, int head) {
        float[] y = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            y[i] = examples.get(rows[i]).labels()[head];
        }
        return y;
    }

    static float[] weights(List<Example> examples, int[] rows) {
        float[] w = new float[rows.length];
        for (int i = 0; i < rows.length; i++) {
            w[i] = examples.get(rows[i]).weight();
        }
        return w;
    }

    static float[] weights(List<Example> examples) {
        return weights(
                examples, java.util.stream.IntStream.range(0, examples.size()).toArray());
    }

    static float[] labels(List<Example> examples, int head) {
        float[] y = new float[examples.size()];
        for (int i = 0; i < y.length; i++) {
            y[i] = examples.get(i).labels()[head];
        }
        return y;
    }
}
