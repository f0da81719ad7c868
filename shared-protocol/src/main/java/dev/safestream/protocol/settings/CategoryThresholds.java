package dev.safestream.protocol.settings;

/**
 * Thresholds for one category (e.g. block when {@code threat} ≥ 0.8). Either may be {@code null} (not used), not both.
 *
 * @param flag flag when the category's score reaches this, or {@code null}
 * @param block block when the category's score reaches this, or {@code null}
 */
public record CategoryThresholds(Double flag, Double block) {
    void validate(String field) {
        Check.require(flag != null || block != null, field + " needs flag, block or both");
        if (flag != null) {
            Check.unit(field + ".flag", flag);
        }
        if (block != null) {
            Check.unit(field + ".block", block);
        }
        if (flag != null && block != null) {
            Check.require(flag <= block, field + ".flag must not exceed " + field + ".block");
        }
    }
}
