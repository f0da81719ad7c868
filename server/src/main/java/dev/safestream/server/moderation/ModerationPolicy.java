package dev.safestream.server.moderation;

/**
 * Thresholds that turn a score into a {@link Decision}: at or above {@code blockThreshold} a message is blocked, at or
 * above {@code flagThreshold} it is flagged toxic. Immutable; a channel swaps in a new policy when a moderator changes
 * a threshold.
 */
public record ModerationPolicy(double flagThreshold, double blockThreshold) {
    public ModerationPolicy {
        requireUnit("flag threshold", flagThreshold);
        requireUnit("block threshold", blockThreshold);
    }

    public Decision decide(double score) {
        if (score >= blockThreshold) {
            return Decision.BLOCK;
        }
        return score >= flagThreshold ? Decision.FLAG : Decision.ALLOW;
    }

    public ModerationPolicy withFlagThreshold(double threshold) {
        return new ModerationPolicy(threshold, blockThreshold);
    }

    private static void requireUnit(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be between 0 and 1");
        }
    }
}
