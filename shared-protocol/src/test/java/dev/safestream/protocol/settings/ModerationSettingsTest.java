package dev.safestream.protocol.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModerationSettingsTest {
    private static void invalid(Runnable construct, String message) {
        assertThatThrownBy(construct::run)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message);
    }

    @Test
    void defaultsArePostModeWithTheServerThresholdsAndEverythingOff() {
        ModerationSettings s = ModerationSettings.defaults(0.6, 0.9);
        assertThat(s.mode()).isEqualTo(ModerationMode.POST);
        assertThat(s.thresholds().flag()).isEqualTo(0.6);
        assertThat(s.terms().blocked()).isEmpty();
        assertThat(s.spam()).isEqualTo(SpamSettings.off());
        assertThat(s.timeouts().enabled()).isFalse();
        assertThat(s.slowModeSeconds()).isZero();
    }

    @Test
    void thresholdsMustBeOrderedAndWithinZeroToOne() {
        invalid(() -> Thresholds.of(1.2, 1.0), "thresholds.flag must be between 0 and 1");
        invalid(() -> Thresholds.of(0.95, 0.9), "thresholds.flag (0.95) must not exceed thresholds.block (0.9)");
        invalid(() -> new Thresholds(0.6, 0.9, 0.7, null), "thresholds.hold_low (0.7) must not exceed");
        invalid(() -> Thresholds.of(Double.NaN, 0.9), "thresholds.flag");
    }

    @Test
    void categoryThresholdsAreValidatedByName() {
        invalid(
                () -> new Thresholds(0.6, 0.9, null, Map.of("threat", new CategoryThresholds(null, 1.5))),
                "thresholds.categories.threat.block must be between 0 and 1");
        invalid(
                () -> new Thresholds(0.6, 0.9, null, Map.of("threat", new CategoryThresholds(null, null))),
                "thresholds.categories.threat needs flag, block or both");
        invalid(
                () -> new Thresholds(0.6, 0.9, null, Map.of("Bad Name", new CategoryThresholds(0.5, null))),
                "lower-case letters");
        assertThat(new Thresholds(0.6, 0.9, null, Map.of("threat", new CategoryThresholds(null, 0.8))).categories())
                .containsKey("threat");
    }

    @Test
    void holdUncertainNeedsALowerBound() {
        invalid(
                () -> new ModerationSettings(
                        ModerationMode.HOLD_UNCERTAIN, Thresholds.of(0.6, 0.9), null, null, 0, null, null),
                "mode hold_uncertain needs thresholds.hold_low");
    }

    @Test
    void termsAreCheckedForSyntax() {
        invalid(() -> new Terms(List.of("/([a-z/"), List.of()), "terms.blocked[0] is not a valid regular expression");
        invalid(() -> new Terms(List.of("ok", " "), List.of()), "terms.blocked[1] must not be blank");
        invalid(() -> new Terms(List.of(), List.of("two words")), "terms.allowed[0] must be one word");
        invalid(() -> new Terms(List.of("id*iot"), List.of()), "terms.blocked[0] must be words");
        assertThat(new Terms(List.of("idiot*", "*hole", "kill yourself", "/fr[e3]+ v-?bucks/"), List.of("hell"))
                        .blocked())
                .hasSize(4);
    }

    @Test
    void spamLimitsAreRanged() {
        invalid(() -> new SpamSettings(1.5, 8, 0, 0, false, List.of(), 0, 10), "spam.max_caps_ratio");
        invalid(() -> new SpamSettings(0, 8, 1, 0, false, List.of(), 0, 10), "spam.max_repeated_chars must be 0");
        invalid(() -> new SpamSettings(0, 8, 0, -1, false, List.of(), 0, 10), "spam.duplicate_window_seconds");
        invalid(() -> new SpamSettings(0, 8, 0, 0, true, List.of("not a domain"), 0, 10), "allowed_link_domains[0]");
        invalid(() -> new SpamSettings(0, 8, 0, 0, false, List.of(), 5, 0), "spam.flood_window_seconds");
        assertThat(new SpamSettings(0, 8, 0, 0, true, List.of("YouTube.com"), 0, 10).allowedLinkDomains())
                .containsExactly("youtube.com");
    }

    @Test
    void aUserCannotBeOnBothLists() {
        invalid(() -> new UserLists(List.of("Bob"), List.of("bob")), "users.allowed and users.blocked both name 'bob'");
        invalid(() -> new UserLists(List.of("no spaces"), List.of()), "users.allowed[0] must be a username");
    }

    @Test
    void theTimeoutLadderNeedsStepsWhenOn() {
        invalid(() -> new TimeoutSettings(3, 600, List.of(), 0), "timeouts.mutes_seconds needs at least one step");
        invalid(() -> new TimeoutSettings(3, 0, List.of(60L), 0), "timeouts.window_seconds");
        invalid(() -> new TimeoutSettings(3, 600, List.of(0L), 0), "timeouts.mutes_seconds[0]");
        assertThat(new TimeoutSettings(0, 600, List.of(), 0).enabled()).isFalse();
    }

    @Test
    void slowModeIsRanged() {
        invalid(
                () -> new ModerationSettings(ModerationMode.POST, Thresholds.of(0.6, 0.9), null, null, -1, null, null),
                "slow_mode_seconds must be between 0 and 86400");
    }
}
