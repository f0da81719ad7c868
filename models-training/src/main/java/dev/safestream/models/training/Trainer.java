package dev.safestream.models.training;

/** Training settings shared by cross-validation and the final fit. */
final class Trainer {
    static final int NGRAM_BUCKETS = 1 << 18;
    static final LogisticRegression NGRAM_LR = new LogisticRegression(8, 0.1, 1e-6, 1, 42);
    static final LogisticRegression HEAD_LR = new LogisticRegression(15, 0.05, 1e-5, 1, 42);

    private Trainer() {}
}
