package dev.safestream.models.text;

/** A sparse feature vector: strictly increasing indices with their values. */
public record SparseVector(int[] indices, float[] values) {
    public int size() {
        return indices.length;
    }

    public double dot(float[] w) {
        double sum = 0;
        for (int k = 0; k < indices.length; k++) {
            sum += values[k] * w[indices[k]];
        }
        return sum;
    }
}
