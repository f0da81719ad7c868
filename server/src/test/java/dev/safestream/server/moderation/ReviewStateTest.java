package dev.safestream.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ReviewStateTest {
    @Test
    void theMostRestrictiveDecisionWinsWhateverTheOrder() {
        assertThat(ReviewState.PENDING.merge(ReviewDecision.APPROVE)).isEqualTo(ReviewState.APPROVED);
        assertThat(ReviewState.APPROVED.merge(ReviewDecision.HIGHLIGHT)).isEqualTo(ReviewState.HIGHLIGHTED);
        assertThat(ReviewState.HIGHLIGHTED.merge(ReviewDecision.APPROVE)).isEqualTo(ReviewState.HIGHLIGHTED);
        assertThat(ReviewState.APPROVED.merge(ReviewDecision.REJECT)).isEqualTo(ReviewState.REJECTED);
        assertThat(ReviewState.REJECTED.merge(ReviewDecision.APPROVE)).isEqualTo(ReviewState.REJECTED);
        assertThat(ReviewState.REJECTED.merge(ReviewDecision.HIGHLIGHT)).isEqualTo(ReviewState.REJECTED);
    }

    @Test
    void onlyApprovedAndHighlightedArePublishable() {
        assertThat(ReviewState.APPROVED.publishable()).isTrue();
        assertThat(ReviewState.HIGHLIGHTED.publishable()).isTrue();
        assertThat(ReviewState.PENDING.publishable()).isFalse();
        assertThat(ReviewState.REJECTED.publishable()).isFalse();
    }

    @Test
    void decisionsAreReadCaseInsensitivelyAndOthersRefused() {
        assertThat(ReviewDecision.fromWireName(" Reject ")).isEqualTo(ReviewDecision.REJECT);
        assertThatThrownBy(() -> ReviewDecision.fromWireName("maybe"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("approve, highlight or reject");
        assertThatThrownBy(() -> ReviewDecision.fromWireName(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
