package dev.safestream.models;

import java.util.Map;

/**
 * A message's scores.
 *
 * @param toxic calibrated probability that the message is toxic
 * @param categories calibrated probability per category head (offensive, hate, insult, obscene, threat)
 * @param path which part of the cascade decided: {@code fast} or {@code encoder}
 */
public record ModelScores(double toxic, Map<String, Double> categories, String path) {}
