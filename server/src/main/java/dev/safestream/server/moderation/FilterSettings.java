package dev.safestream.server.moderation;

import java.nio.file.Path;

/**
 * What the moderation acts on: the severe-harm rules and the classifier's thresholds, and shadow mode's.
 *
 * @param toxicThreshold score at which a message is flagged toxic (TOXIC_THRESHOLD)
 * @param blockThreshold score at which a message is blocked (BLOCK_THRESHOLD)
 * @param shadowFlagThreshold shadow mode's flag threshold (SHADOW_FLAG_THRESHOLD), or null
 * @param shadowBlockThreshold shadow mode's block threshold (SHADOW_BLOCK_THRESHOLD), or null
 * @param blockedTermsFile a word list replacing the built-in one (BLOCKED_TERMS_FILE), or null
 * @param builtinHarmRules whether the built-in severe-harm rules run before any classifier (BUILTIN_HARM_RULES)
 */
public record FilterSettings(
        double toxicThreshold,
        double blockThreshold,
        Double shadowFlagThreshold,
        Double shadowBlockThreshold,
        Path blockedTermsFile,
        boolean builtinHarmRules) {
    public FilterSettings {
        require(toxicThreshold >= 0 && toxicThreshold <= 1, "--toxic-threshold/TOXIC_THRESHOLD must be within 0..1");
        require(blockThreshold >= 0 && blockThreshold <= 1, "--block-threshold/BLOCK_THRESHOLD must be within 0..1");
        require(
                toxicThreshold <= blockThreshold,
                "--toxic-threshold/TOXIC_THRESHOLD must not exceed --block-threshold/BLOCK_THRESHOLD");
        require(
                shadowFlagThreshold == null || (shadowFlagThreshold >= 0 && shadowFlagThreshold <= 1),
                "--shadow-flag-threshold/SHADOW_FLAG_THRESHOLD must be within 0..1");
        require(
                shadowBlockThreshold == null || (shadowBlockThreshold >= 0 && shadowBlockThreshold <= 1),
                "--shadow-block-threshold/SHADOW_BLOCK_THRESHOLD must be within 0..1");
        double flag = shadowFlagThreshold == null ? toxicThreshold : shadowFlagThreshold;
        double block = shadowBlockThreshold == null ? blockThreshold : shadowBlockThreshold;
        require(flag <= block, "--shadow-flag-threshold must not exceed --shadow-block-threshold");
    }

    /** Whether shadow mode is on (either shadow threshold set). */
    public boolean shadow() {
        return shadowFlagThreshold != null || shadowBlockThreshold != null;
    }

    /** The shadow flag threshold, defaulting to the live one. */
    public double shadowFlag() {
        return shadowFlagThreshold == null ? toxicThreshold : shadowFlagThreshold;
    }

    /** The shadow block threshold, defaulting to the live one. */
    public double shadowBlock() {
        return shadowBlockThreshold == null ? blockThreshold : shadowBlockThreshold;
    }

    private static void require(boolean ok, String message) {
        if (!ok) {
            throw new IllegalArgumentException(message);
        }
    }
}
