package dev.safestream.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.protocol.Explanation;
import dev.safestream.protocol.settings.CategoryThresholds;
import dev.safestream.protocol.settings.ModerationMode;
import dev.safestream.protocol.settings.Thresholds;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScoreJudgeTest {
    private final Thresholds plain = Thresholds.of(0.6, 0.9);
    private final Thresholds withCategories = new Thresholds(
            0.6,
            0.9,
            0.4,
            Map.of("threat", new CategoryThresholds(null, 0.8), "insult", new CategoryThresholds(0.3, null)));

    private Assessment judge(ModerationMode mode, Thresholds t, double score, Map<String, Double> categories) {
        return ScoreJudge.judge(mode, t, score, categories, List.of("word"));
    }

    @Test
    void thresholdsAreInclusive() {
        assertThat(judge(ModerationMode.POST, plain, 0.59, Map.of()).decision()).isEqualTo(Decision.ALLOW);
        assertThat(judge(ModerationMode.POST, plain, 0.6, Map.of()).decision()).isEqualTo(Decision.FLAG);
        assertThat(judge(ModerationMode.POST, plain, 0.9, Map.of()).decision()).isEqualTo(Decision.BLOCK);
    }

    @Test
    void allowedMessagesHaveNoExplanationAndAreNotToxic() {
        Assessment a = judge(ModerationMode.POST, plain, 0.1, Map.of());
        assertThat(a.explanation()).isNull();
        assertThat(a.toxic()).isFalse();
        assertThat(a.scoreDecision()).isEqualTo(Decision.ALLOW);
    }

    @Test
    void overallBlockNamesTheThresholdScoreAndWords() {
        Explanation why = judge(ModerationMode.POST, plain, 0.93, Map.of()).explanation();
        assertThat(why.rule()).isEqualTo(Explanation.THRESHOLD);
        assertThat(why.threshold()).isEqualTo(0.9);
        assertThat(why.score()).isEqualTo(0.93);
        assertThat(why.category()).isNull();
        assertThat(why.words()).containsExactly("word");
        assertThat(why.detail()).isEqualTo("score 0.93 ≥ block threshold 0.9");
    }

    @Test
    void aCategoryBlockThresholdBlocksBelowTheOverallOne() {
        Assessment a = judge(ModerationMode.POST, withCategories, 0.82, Map.of("threat", 0.82));
        assertThat(a.decision()).isEqualTo(Decision.BLOCK);
        assertThat(a.explanation().rule()).isEqualTo(Explanation.CATEGORY_THRESHOLD);
        assertThat(a.explanation().category()).isEqualTo("threat");
        assertThat(a.explanation().threshold()).isEqualTo(0.8);
        assertThat(a.explanation().score()).isEqualTo(0.82);
    }

    @Test
    void aCategoryFlagThresholdFlagsBelowTheOverallOne() {
        Assessment a = judge(ModerationMode.POST, withCategories, 0.35, Map.of("insult", 0.35));
        assertThat(a.decision()).isEqualTo(Decision.FLAG);
        assertThat(a.explanation().category()).isEqualTo("insult");
    }

    @Test
    void categoriesWithoutThresholdsDoNotCount() {
        assertThat(judge(ModerationMode.POST, withCategories, 0.2, Map.of("obscene", 0.99))
                        .decision())
                .isEqualTo(Decision.ALLOW);
    }

    @Test
    void holdUncertainHoldsOnlyTheBandBelowTheFlagThreshold() {
        assertThat(judge(ModerationMode.HOLD_UNCERTAIN, withCategories, 0.39, Map.of())
                        .decision())
                .isEqualTo(Decision.ALLOW);
        Assessment held = judge(ModerationMode.HOLD_UNCERTAIN, withCategories, 0.4, Map.of());
        assertThat(held.decision()).isEqualTo(Decision.HOLD);
        assertThat(held.explanation().rule()).isEqualTo(Explanation.UNCERTAIN);
        assertThat(held.explanation().threshold()).isEqualTo(0.4);
        assertThat(held.scoreDecision()).isEqualTo(Decision.ALLOW);
        assertThat(judge(ModerationMode.HOLD_UNCERTAIN, withCategories, 0.6, Map.of())
                        .decision())
                .isEqualTo(Decision.FLAG);
    }

    @Test
    void preModerationHoldsEverythingButBlocks() {
        assertThat(judge(ModerationMode.PRE_MODERATE, plain, 0.0, Map.of()).decision())
                .isEqualTo(Decision.HOLD);
        Assessment flagged = judge(ModerationMode.PRE_MODERATE, plain, 0.7, Map.of());
        assertThat(flagged.decision()).isEqualTo(Decision.HOLD);
        assertThat(flagged.toxic()).isTrue();
        assertThat(flagged.explanation().rule()).isEqualTo(Explanation.PRE_MODERATION);
        assertThat(flagged.explanation().threshold()).isEqualTo(0.6);
        assertThat(judge(ModerationMode.PRE_MODERATE, plain, 0.95, Map.of()).decision())
                .isEqualTo(Decision.BLOCK);
    }

    @Test
    void scoresAreRoundedToThreeDecimals() {
        assertThat(judge(ModerationMode.POST, plain, 0.123456, Map.of()).score())
                .isEqualTo(0.123);
    }
}
