package dev.safestream.server.app.moderation;

import java.nio.file.Path;

/**
 * Which classifier the server runs and how.
 *
 * @param classifier {@code onnx} (the trained cascade, default) or {@code blocked-terms} (word list only, for
 *     machines that cannot load ONNX Runtime)
 * @param modelDir a retrained model set ({@code train --out}), or null for the shipped one
 * @param encoderThreads ONNX Runtime threads of the sentence encoder
 * @param encoderBudget most messages of one batch-scoring call ({@code /api/moderate}, {@code score}) that take the
 *     encoder path; 0 turns the encoder off everywhere (chat bounds the encoder's delay by time instead)
 * @param shadowModelDir a second model set scored in shadow mode, or null
 */
public record ModelSettings(
        String classifier, Path modelDir, int encoderThreads, int encoderBudget, Path shadowModelDir) {
    public static final String ONNX = "onnx";
    public static final String BLOCKED_TERMS = "blocked-terms";

    public ModelSettings {
        if (!classifier.equals(ONNX) && !classifier.equals(BLOCKED_TERMS)) {
            throw new IllegalArgumentException("--classifier/CLASSIFIER must be onnx or blocked-terms: " + classifier);
        }
        if (encoderThreads < 1 || encoderThreads > 64) {
            throw new IllegalArgumentException("--encoder-threads/ENCODER_THREADS must be between 1 and 64");
        }
        if (encoderBudget < 0) {
            throw new IllegalArgumentException("--encoder-budget/ENCODER_BUDGET must not be negative");
        }
    }
}
