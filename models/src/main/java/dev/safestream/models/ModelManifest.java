package dev.safestream.models;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/**
 * What {@code manifest.json} says about a trained model set: which artifacts make it up, which encoder its head was
 * trained on, how the cascade routes messages, and the thresholds chosen on cross-validation.
 *
 * @param version training date and seed, shown in logs and the model card
 * @param encoder the {@link dev.safestream.models.onnx.EncoderSpec} name the head expects
 * @param ngramBuckets hash space of the fast model's features
 * @param heads output order of both models
 * @param cascadeLow fast-model toxic probabilities below this are decided by the fast model alone
 * @param cascadeHigh fast-model toxic probabilities at or above this are decided by the fast model alone
 * @param thresholds per head, the probability at or above which the head counts as positive
 */
public record ModelManifest(
        String version,
        String encoder,
        @JsonProperty("ngram_buckets") int ngramBuckets,
        List<String> heads,
        @JsonProperty("cascade_low") double cascadeLow,
        @JsonProperty("cascade_high") double cascadeHigh,
        Map<String, Double> thresholds) {
    public static final String FILE = "manifest.json";
    public static final String FAST_MODEL = "fast.onnx";
    public static final String ENCODER_HEAD = "encoder-head.onnx";

    public double threshold(String head) {
        return thresholds.getOrDefault(head, 0.5);
    }
}
