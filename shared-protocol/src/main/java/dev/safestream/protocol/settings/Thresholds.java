package dev.safestream.protocol.settings;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Score thresholds, inclusive: at or above {@code block} a message is blocked, at or above {@code flag} it is flagged.
 * Category thresholds apply to the classifier's per-category scores in addition; the most severe result wins.
 *
 * @param flag overall flag threshold, 0..1
 * @param block overall block threshold, 0..1, at least {@code flag}
 * @param holdLow lower end of the uncertain band {@code [hold_low, flag)} held in mode {@code hold_uncertain}; may be
 *     {@code null} in the other modes
 * @param categories per-category thresholds by category name (e.g. {@code threat}, {@code hate}); empty when none
 */
public record Thresholds(
        double flag,
        double block,
        @JsonProperty("hold_low") Double holdLow,
        Map<String, CategoryThresholds> categories) {
    /** Category names: lower case letters and '_', as the classifiers emit them. */
    public static final Pattern CATEGORY = Pattern.compile("[a-z][a-z_]{0,31}");

    public Thresholds {
        Check.unit("thresholds.flag", flag);
        Check.unit("thresholds.block", block);
        Check.require(flag <= block, "thresholds.flag (" + flag + ") must not exceed thresholds.block (" + block + ")");
        if (holdLow != null) {
            Check.unit("thresholds.hold_low", holdLow);
            Check.require(
                    holdLow <= flag,
                    "thresholds.hold_low (" + holdLow + ") must not exceed thresholds.flag (" + flag + ")");
        }
        Map<String, CategoryThresholds> sorted = new TreeMap<>();
        if (categories != null) {
            Check.require(categories.size() <= 32, "thresholds.categories may hold at most 32 categories");
            categories.forEach((name, t) -> {
                Check.matches("thresholds.categories name", name, CATEGORY, "lower-case letters and '_'");
                Check.require(t != null, "thresholds.categories." + name + " must not be null");
                t.validate("thresholds.categories." + name);
                sorted.put(name, t);
            });
        }
        categories = Collections.unmodifiableMap(sorted);
    }

    public static Thresholds of(double flag, double block) {
        return new Thresholds(flag, block, null, Map.of());
    }

    public Thresholds withFlag(double newFlag) {
        return new Thresholds(newFlag, block, holdLow, categories);
    }
}
