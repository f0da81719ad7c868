package dev.safestream.models.training;

/** Dense rows, e.g. sentence embeddings. */
record DenseDesign(float[][] x) implements Design {
    @Override
    public int rows() {
        return x.length;
    }

    @Override
    public int dims() {
        return x[0].length;
    }

    @Override
    public double dot(int row, float[] w) {
        float[] r = x[row];
        double sum = 0;
        for (int j = 0; j < r.length; j++) {
            sum += r[j] * w[j];
        }
        return sum;
    }

    @Override
    public void step(int row, float[] w, float[] g2, double gradient, double rate, double l2) {
        float[] r = x[row];
        for (int j = 0; j < r.length; j++) {
            double g = gradient * r[j] + l2 * w[j];
            g2[j] += (float) (g * g);
            w[j] -= (float) (rate * g / Math.sqrt(g2[j] + 1e-8));
        }
    }

    @Override
    public Design subset(int[] rows) {
        float[][] out = new float[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]];
        }
        return new DenseDesign(out);
    }
}
