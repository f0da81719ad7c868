package dev.safestream.models.training;

import dev.safestream.models.text.SparseVector;

/** Sparse rows, e.g. hashed n-gram counts. */
record SparseDesign(SparseVector[] x, int dims) implements Design {
    @Override
    public int rows() {
        return x.length;
    }

    @Override
    public double dot(int row, float[] w) {
        return x[row].dot(w);
    }

    @Override
    public void step(int row, float[] w, float[] g2, double gradient, double rate, double l2) {
        SparseVector r = x[row];
        int[] idx = r.indices();
        float[] val = r.values();
        for (int k = 0; k < idx.length; k++) {
            int j = idx[k];
            double g = gradient * val[k] + l2 * w[j];
            g2[j] += (float) (g * g);
            w[j] -= (float) (rate * g / Math.sqrt(g2[j] + 1e-8));
        }
    }

    @Override
    public Design subset(int[] rows) {
        SparseVector[] out = new SparseVector[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return new SparseDesign(out, dims);
    }
}
