package dev.safestream.models.training;

import dev.safestream.models.Heads;
import java.util.Arrays;

/**
 * One labelled text. {@code labels} has one entry per {@link Heads#ALL}: 1 or 0 where the source labels that head,
 * {@code NaN} where it does not (so the head's loss ignores the example).
 */
public record Example(String text, String source, float[] labels, float weight) {
    public Example(String text, String source, float[] labels) {
        this(text, source, labels, 1f);
    }

    public Example withWeight(float newWeight) {
        return new Example(text, source, labels, newWeight);
    }

    public static float[] unlabelled() {
        float[] labels = new float[Heads.ALL.size()];
        Arrays.fill(labels, Float.NaN);
        return labels;
    }

    public boolean has(int head) {
        return !Float.isNaN(labels[head]);
    }

    public boolean positive(int head) {
        return labels[head] == 1f;
    }
}
