package dev.safestream.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ModerationPolicyTest {
    private final ModerationPolicy policy = new ModerationPolicy(0.6, 0.9);

    @Test
    void thresholdsAreInclusive() {
        assertThat(policy.decide(0.59)).isEqualTo(Decision.ALLOW);
        assertThat(policy.decide(0.6)).isEqualTo(Decision.FLAG);
        assertThat(policy.decide(0.9)).isEqualTo(Decision.BLOCK);
    }

    @Test
    void thresholdsOutsideZeroToOneAreRejected() {
        assertThatThrownBy(() -> policy.withFlagThreshold(1.01)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.withFlagThreshold(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
