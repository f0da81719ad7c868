package dev.safestream.server.app.moderation;

import dev.safestream.server.moderation.FilterSettings;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Moderation: which classifier and model set, the thresholds it acts on, the rules in front of it, shadow mode. */
public final class ModerationOptions {
    @Option(
            names = "--classifier",
            defaultValue = "${env:CLASSIFIER:-onnx}",
            description = "onnx (the trained model cascade) or blocked-terms (word list only) (CLASSIFIER).")
    public String classifier;

    @Option(
            names = "--model-dir",
            defaultValue = "${env:MODEL_DIR}",
            description = "A retrained model set (train --out) instead of the shipped one (MODEL_DIR).")
    public Path modelDir;

    @Option(
            names = "--encoder-threads",
            defaultValue = "${env:ENCODER_THREADS:-1}",
            description = "ONNX Runtime threads for the sentence encoder (ENCODER_THREADS; 1 leaves the other cores"
                    + " of a small server to sockets and the pipeline).")
    public int encoderThreads;

    @Option(
            names = "--encoder-budget",
            defaultValue = "${env:ENCODER_BUDGET:-32}",
            description = "Most messages of one /api/moderate call that the encoder re-scores (ENCODER_BUDGET; 0 ="
                    + " fast model only, also in chat). Chat is never held up: uncertain messages the encoder cannot"
                    + " reach within 50 ms keep the fast model's score.")
    public int encoderBudget;

    @Option(
            names = "--shadow-model-dir",
            defaultValue = "${env:SHADOW_MODEL_DIR}",
            description = "Shadow mode: a second model set scored beside the live one without acting"
                    + " (SHADOW_MODEL_DIR; needs a shadow threshold to turn shadow mode on).")
    public Path shadowModelDir;

    @Option(
            names = "--toxic-threshold",
            defaultValue = "${env:TOXIC_THRESHOLD}",
            description = "Score at which a message is flagged toxic (TOXIC_THRESHOLD; default: the model's"
                    + " cross-validated threshold, see models/MODEL_CARD.md).")
    public Double toxicThreshold;

    @Option(
            names = "--block-threshold",
            defaultValue = "${env:BLOCK_THRESHOLD:-0.9}",
            description = "Score at which a message is blocked: only its author sees it (BLOCK_THRESHOLD).")
    public double blockThreshold;

    @Option(
            names = "--shadow-flag-threshold",
            defaultValue = "${env:SHADOW_FLAG_THRESHOLD}",
            description = "Shadow mode: flag threshold scored alongside the live one without acting; setting either"
                    + " shadow threshold turns shadow mode on (SHADOW_FLAG_THRESHOLD).")
    public Double shadowFlagThreshold;

    @Option(
            names = "--shadow-block-threshold",
            defaultValue = "${env:SHADOW_BLOCK_THRESHOLD}",
            description =
                    "Shadow mode: block threshold; the other defaults to the live one" + " (SHADOW_BLOCK_THRESHOLD).")
    public Double shadowBlockThreshold;

    @Option(
            names = "--blocked-terms",
            defaultValue = "${env:BLOCKED_TERMS_FILE}",
            description = "Blocked-terms list replacing the built-in one for --classifier blocked-terms; its threat,"
                    + " self_harm, personal_info and identity_hate entries also join the severe-harm rules that run"
                    + " before any classifier (BLOCKED_TERMS_FILE).")
    public Path blockedTermsFile;

    @Option(
            names = "--builtin-harm-rules",
            defaultValue = "${env:BUILTIN_HARM_RULES:-true}",
            arity = "1",
            description = "Block threats, self-harm incitement, doxxing and slurs with the built-in rules before any"
                    + " classifier runs (BUILTIN_HARM_RULES; false leaves them to the model and BLOCKED_TERMS_FILE).")
    public boolean builtinHarmRules;

    public ModelSettings models() {
        return new ModelSettings(classifier, modelDir, encoderThreads, encoderBudget, shadowModelDir);
    }

    /** The thresholds and rules; without --toxic-threshold, the one the model set chose on cross-validation. */
    public FilterSettings filter() {
        return new FilterSettings(
                toxicThreshold != null ? toxicThreshold : Classifiers.defaultFlagThreshold(modelDir),
                blockThreshold,
                shadowFlagThreshold,
                shadowBlockThreshold,
                blockedTermsFile,
                builtinHarmRules);
    }
}
