package dev.safestream.models.training;

import dev.safestream.models.Heads;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Cross-validated quality per source, on the head(s) each source really labels: out-of-fold scores against the
 * source's own labels. Macro-F1 is taken at the head's threshold (chosen once on all out-of-fold scores, not per
 * source).
 */
final class Evaluation {
    /** The (source, head) pairs the model card reports. */
    static final List<String[]> REPORTED = List.of(
            new String[] {DataSets.DAVIDSON, Heads.OFFENSIVE},
            new String[] {DataSets.DAVIDSON, Heads.HATE},
            new String[] {DataSets.OLID, Heads.OFFENSIVE},
            new String[] {DataSets.TWEETEVAL_HATE, Heads.HATE},
            new String[] {DataSets.JIGSAW, Heads.TOXIC},
            new String[] {DataSets.JIGSAW, Heads.INSULT},
            new String[] {DataSets.JIGSAW, Heads.OBSCENE},
            new String[] {DataSets.JIGSAW, Heads.THREAT},
            new String[] {DataSets.JIGSAW, Heads.HATE});

    record Row(String source, String head, int n, int positives, double auc, double macroF1, double threshold) {}

    private Evaluation() {}

    /** The scores and labels of one head over the examples that label it and pass {@code include}. */
    private record Column(double[] scores, boolean[] positive, int positives) {
        static Column of(List<Example> examples, double[][] scores, int head, Predicate<Example> include) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < examples.size(); i++) {
                if (examples.get(i).has(head) && include.test(examples.get(i))) {
                    idx.add(i);
                }
            }
            double[] s = new double[idx.size()];
            boolean[] y = new boolean[idx.size()];
            int positives = 0;
            for (int k = 0; k < idx.size(); k++) {
                s[k] = scores[idx.get(k)][head];
                y[k] = examples.get(idx.get(k)).positive(head);
                positives += y[k] ? 1 : 0;
            }
            return new Column(s, y, positives);
        }

        int size() {
            return scores.length;
        }

        double bestThreshold() {
            return size() == 0 ? 0.5 : BinaryMetrics.bestThreshold(scores, positive);
        }
    }

    /** @param scores out-of-fold probabilities, [example][head] */
    static List<Row> rows(List<Example> examples, double[][] scores, double[] thresholds) {
        List<Row> rows = new ArrayList<>();
        for (String[] pair : REPORTED) {
            int head = Heads.index(pair[1]);
            Column c = Column.of(examples, scores, head, e -> e.source().equals(pair[0]));
            if (c.size() == 0) {
                continue;
            }
            rows.add(new Row(
                    pair[0],
                    pair[1],
                    c.size(),
                    c.positives(),
                    BinaryMetrics.auc(c.scores(), c.positive()),
                    BinaryMetrics.macroF1(c.scores(), c.positive(), thresholds[head]),
                    thresholds[head]));
        }
        return rows;
    }

    /** Per head, the threshold maximising macro-F1 over the out-of-fold scores of the data sets' examples labelling it. */
    static double[] thresholds(List<Example> examples, double[][] scores) {
        double[] thresholds = new double[Heads.ALL.size()];
        for (int head = 0; head < thresholds.length; head++) {
            thresholds[head] = Column.of(examples, scores, head, e -> DataSets.SOURCES.contains(e.source()))
                    .bestThreshold();
        }
        return thresholds;
    }

    /**
     * Per head, the threshold maximising macro-F1 on the out-of-fold served scores of the head's reference source
     * ({@link Domains}): the domain serving scores as.
     */
    static double[] servedThresholds(List<Example> examples, double[][] scores) {
        double[] thresholds = new double[Heads.ALL.size()];
        for (int head = 0; head < thresholds.length; head++) {
            String reference = Domains.referenceSource(head);
            thresholds[head] = Column.of(examples, scores, head, e -> e.source().equals(reference))
                    .bestThreshold();
        }
        return thresholds;
    }

    /**
     * Mean macro-F1 of the heads the cascade routes on (toxic, offensive, hate): the band is chosen for the decision, not
     * for the category hints, which the encoder path improves most but which never decide alone.
     */
    static double meanRoutingF1(List<Row> rows) {
        return rows.stream()
                .filter(r -> List.of(Heads.TOXIC, Heads.OFFENSIVE, Heads.HATE).contains(r.head()))
                .mapToDouble(Row::macroF1)
                .filter(a -> !Double.isNaN(a))
                .average()
                .orElse(Double.NaN);
    }

    static String markdown(List<Row> rows) {
        StringBuilder b = new StringBuilder("| source | head | n | positives | AUC | macro-F1 | threshold |\n");
        b.append("|---|---|---:|---:|---:|---:|---:|\n");
        for (Row r : rows) {
            b.append(String.format(
                    "| %s | %s | %d | %d | %.3f | %.3f | %.2f |%n",
                    r.source(), r.head(), r.n(), r.positives(), r.auc(), r.macroF1(), r.threshold()));
        }
        return b.toString();
    }
}
