package dev.safestream.server.moderation.onnx;

import dev.safestream.models.ModelArtifacts;
import dev.safestream.models.ToxicityModel;
import java.nio.file.Path;

/** Loads the model set the server runs: the shipped artifacts, or a retrained set from a folder. */
public final class ShippedModels {
    private ShippedModels() {}

    /**
     * @param modelDir a folder written by {@code train --out}, or null for the artifacts inside the jar
     * @param encoderThreads ONNX Runtime threads for the sentence encoder
     * @param encoderBudget most messages per batch that take the encoder path
     */
    public static ToxicityModel load(Path modelDir, int encoderThreads, int encoderBudget) {
        ModelArtifacts artifacts = modelDir == null ? ModelArtifacts.shipped() : ModelArtifacts.directory(modelDir);
        return ToxicityModel.load(artifacts, encoderThreads, encoderBudget);
    }
}
