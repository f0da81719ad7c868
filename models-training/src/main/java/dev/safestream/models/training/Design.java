package dev.safestream.models.training;

/** The rows a linear model is trained on: dense sentence vectors or sparse hashed n-grams. */
interface Design {
    int rows();

    int dims();

    /** w · x_row */
    double dot(int row, float[] w);

    /** Adaptive-gradient step on the features the row uses: w_j -= rate * (g x_j + l2 w_j) / sqrt(G_j). */
    void step(int row, float[] w, float[] squaredGradients, double gradient, double rate, double l2);

    /** The design restricted to the given rows, in that order. */
    Design subset(int[] rows);
}
