package dev.safestream.models;

import java.util.Map;

/**
 * A message's scores.
 *
 * @param toxic calibrated probability that the message is toxic
 * @param categories calibrated probability per category head (offensive, hate, insult, obscene, threat)
 * @param path which part of the cascade decided: {@code fast} or {@code encoder}; {@code uncertain} for a first-pass
 *     score the encoder should settle
 */
public record ModelScores(double toxic, Map<String, Double> categories, String path) {
    public static final String FAST = "fast";
    public static final String ENCODER = "encoder";
    public static final String UNCERTAIN = "uncertain";

    public ModelScores withPath(String newPath) {
        return new ModelScores(toxic, categories, newPath);
    }
}
