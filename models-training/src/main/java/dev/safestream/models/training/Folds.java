package dev.safestream.models.training;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** k-fold assignment, stratified by source (each fold holds about 1/k of every source), fixed by the seed. */
record Folds(int k, int[] foldOf) {
    static Folds of(List<Example> examples, int k, long seed) {
        Map<String, List<Integer>> bySource = new HashMap<>();
        for (int i = 0; i < examples.size(); i++) {
            bySource.computeIfAbsent(examples.get(i).source(), s -> new ArrayList<>())
                    .add(i);
        }
        int[] foldOf = new int[examples.size()];
        Random random = new Random(seed);
        bySource.keySet().stream().sorted().forEach(source -> {
            List<Integer> rows = new ArrayList<>(bySource.get(source));
            java.util.Collections.shuffle(rows, random);
            for (int i = 0; i < rows.size(); i++) {
                foldOf[rows.get(i)] = i % k;
            }
        });
        return new Folds(k, foldOf);
    }

    int[] train(int fold) {
        return rows(fold, false);
    }

    int[] test(int fold) {
        return rows(fold, true);
    }

    private int[] rows(int fold, boolean inFold) {
        return java.util.stream.IntStream.range(0, foldOf.length)
                .filter(i -> (foldOf[i] == fold) == inFold)
                .toArray();
    }
}
