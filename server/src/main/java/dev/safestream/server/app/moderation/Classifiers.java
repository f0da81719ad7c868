package dev.safestream.server.app.moderation;

import dev.safestream.models.Heads;
import dev.safestream.models.ModelArtifacts;
import dev.safestream.models.ToxicityModel;
import dev.safestream.models.text.TextNormalizer;
import dev.safestream.server.moderation.BlockedTermsClassifier;
import dev.safestream.server.moderation.FilterSettings;
import dev.safestream.server.moderation.ToxicityClassifier;
import dev.safestream.server.moderation.harm.HarmRules;
import dev.safestream.server.moderation.onnx.OnnxToxicityClassifier;
import dev.safestream.server.moderation.onnx.ShippedModels;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The one place the server builds its classifiers: the live one ({@link #live}) and, in shadow mode, an optional
 * second model set ({@link #shadow}). ONNX classifiers hold native sessions; the server closes them on stop.
 */
final class Classifiers {
    private Classifiers() {}

    /** The classifier whose scores decide what happens to messages. Thread-safe. */
    static ToxicityClassifier live(ModelSettings models, FilterSettings filter) {
        if (models.classifier().equals(ModelSettings.BLOCKED_TERMS)) {
            return filter.blockedTermsFile() == null
                    ? BlockedTermsClassifier.withDefaultTerms()
                    : BlockedTermsClassifier.fromFile(filter.blockedTermsFile());
        }
        return new OnnxToxicityClassifier(
                ShippedModels.load(models.modelDir(), models.encoderThreads(), models.encoderBudget()));
    }

    /**
     * The severe-harm rules in front of the classifier: the built-in list unless BUILTIN_HARM_RULES is off, plus the
     * severe entries of BLOCKED_TERMS_FILE.
     */
    static HarmRules harmRules(FilterSettings filter, TextNormalizer normalizer) {
        HarmRules rules = filter.builtinHarmRules() ? HarmRules.builtIn(normalizer) : HarmRules.none(normalizer);
        return filter.blockedTermsFile() == null ? rules : rules.plusTermList(filter.blockedTermsFile());
    }

    /**
     * A second model set for shadow mode, or empty to judge the live classifier's verdicts with the shadow
     * thresholds. Only used when shadow mode is on ({@link FilterSettings#shadow()}).
     */
    static Optional<ToxicityClassifier> shadow(ModelSettings models) {
        if (models.shadowModelDir() == null) {
            return Optional.empty();
        }
        return Optional.of(new OnnxToxicityClassifier(
                ShippedModels.load(models.shadowModelDir(), models.encoderThreads(), models.encoderBudget())));
    }

    /** The toxic threshold the model set chose on cross-validation: the default flag threshold. */
    static double defaultFlagThreshold(Path modelDir) {
        ModelArtifacts artifacts = modelDir == null ? ModelArtifacts.shipped() : ModelArtifacts.directory(modelDir);
        return ToxicityModel.readManifest(artifacts).threshold(Heads.TOXIC);
    }

    static void close(ToxicityClassifier classifier) {
        if (classifier instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("Cannot release the classifier", e);
            }
        }
    }
}
