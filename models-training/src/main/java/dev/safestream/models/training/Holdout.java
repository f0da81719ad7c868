package dev.safestream.models.training;

import java.util.List;

/**
 * The rows of the labelled sources that the fine-tuned encoder never trains on: fold 0 of a 5-fold split stratified by
 * source (about a fifth of every source), fixed by the seed. The encoder's fine-tuning and the model card's held-out
 * tables use the same rows, so the card's numbers for the fine-tuned cascade come from text no part of it has seen.
 */
public final class Holdout {
    public static final int FOLDS = 5;

    private Holdout() {}

    /** {@code true} for each row of {@code sources} (as {@link DataSets#load} returns them) that is held out. */
    public static boolean[] rows(List<Example> sources, long seed) {
        int[] foldOf = Folds.of(sources, FOLDS, seed).foldOf();
        boolean[] held = new boolean[foldOf.length];
        for (int i = 0; i < held.length; i++) {
            held[i] = foldOf[i] == 0;
        }
        return held;
    }

    /** The rows of {@code sources} that {@code held} marks ({@code wanted} true) or does not mark (false), in order. */
    public static List<Example> select(List<Example> sources, boolean[] held, boolean wanted) {
        List<Example> out = new java.util.ArrayList<>();
        for (int i = 0; i < sources.size(); i++) {
            if (held[i] == wanted) {
                out.add(sources.get(i));
            }
        }
        return out;
    }
}
