package dev.safestream.server.moderation;

import dev.safestream.protocol.Explanation;
import dev.safestream.protocol.settings.CategoryThresholds;
import dev.safestream.protocol.settings.ModerationMode;
import dev.safestream.protocol.settings.Thresholds;
import java.util.List;
import java.util.Map;

/**
 * Turns a classifier's verdict into a decision: thresholds first (block before flag; the overall score before the
 * categories, categories in name order), then the channel's mode. Pure functions.
 */
public final class ScoreJudge {
    private ScoreJudge() {}

    /** What the thresholds alone decide, and which one fired ({@code null} explanation when allowed). */
    public record Hit(Decision decision, Explanation explanation) {}

    public static Hit thresholds(Thresholds t, double score, Map<String, Double> categories, List<String> words) {
        if (score >= t.block()) {
            return new Hit(Decision.BLOCK, overall("block", t.block(), score, words));
        }
        Hit category = category(t, categories, words, true);
        if (category != null) {
            return category;
        }
        if (score >= t.flag()) {
            return new Hit(Decision.FLAG, overall("flag", t.flag(), score, words));
        }
        category = category(t, categories, words, false);
        return category != null ? category : new Hit(Decision.ALLOW, null);
    }

    /** The final assessment: thresholds, then the mode ({@code hold_uncertain}, {@code pre_moderate}) on top. */
    public static Assessment judge(
            ModerationMode mode, Thresholds t, double score, Map<String, Double> categories, List<String> words) {
        double rounded = Math.round(score * 1000) / 1000.0;
        Hit hit = thresholds(t, rounded, categories, words);
        Decision decision = hit.decision();
        Explanation why = hit.explanation();
        if (mode == ModerationMode.PRE_MODERATE && decision != Decision.BLOCK) {
            String detail = "held for review: the channel is pre-moderated";
            why = why == null
                    ? new Explanation(Explanation.PRE_MODERATION, detail, words, null, null, null, rounded)
                    : new Explanation(
                            Explanation.PRE_MODERATION,
                            detail + " (" + why.detail() + ")",
                            words,
                            null,
                            why.category(),
                            why.threshold(),
                            why.score());
            decision = Decision.HOLD;
        } else if (mode == ModerationMode.HOLD_UNCERTAIN && decision == Decision.ALLOW && rounded >= t.holdLow()) {
            String detail = "score " + rounded + " is in the uncertain band [" + t.holdLow() + ", " + t.flag()
                    + "): held for review";
            why = new Explanation(Explanation.UNCERTAIN, detail, words, null, null, t.holdLow(), rounded);
            decision = Decision.HOLD;
        }
        boolean toxic = hit.decision() != Decision.ALLOW;
        return new Assessment(decision, toxic, rounded, categories, why, hit.decision());
    }

    private static Hit category(Thresholds t, Map<String, Double> categories, List<String> words, boolean block) {
        for (Map.Entry<String, CategoryThresholds> e : t.categories().entrySet()) {
            Double value = categories.get(e.getKey());
            Double threshold = block ? e.getValue().block() : e.getValue().flag();
            if (value != null && threshold != null && value >= threshold) {
                String kind = block ? "block" : "flag";
                String detail = e.getKey() + " " + value + " ≥ " + kind + " threshold " + threshold;
                return new Hit(
                        block ? Decision.BLOCK : Decision.FLAG,
                        new Explanation(
                                Explanation.CATEGORY_THRESHOLD, detail, words, null, e.getKey(), threshold, value));
            }
        }
        return null;
    }

    private static Explanation overall(String kind, double threshold, double score, List<String> words) {
        String detail = "score " + score + " ≥ " + kind + " threshold " + threshold;
        return new Explanation(Explanation.THRESHOLD, detail, words, null, null, threshold, score);
    }
}
