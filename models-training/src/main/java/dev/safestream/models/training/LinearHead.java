package dev.safestream.models.training;

/** One trained logistic-regression head: {@code p = sigmoid(w · x + bias)}. */
record LinearHead(float[] weights, float bias) {
    double logit(Design design, int row) {
        return design.dot(row, weights) + bias;
    }
}
