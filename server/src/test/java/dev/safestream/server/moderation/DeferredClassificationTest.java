package dev.safestream.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.settings.ModerationMode;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.protocol.settings.SpamSettings;
import dev.safestream.protocol.settings.Terms;
import dev.safestream.protocol.settings.Thresholds;
import dev.safestream.protocol.settings.UserLists;
import dev.safestream.server.moderation.rules.SpamTracker;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cascade classifier may leave texts unsettled; the batch moderator hands them on with a provisional verdict. */
class DeferredClassificationTest {
    private final TextNormalizer normalizer = new TextNormalizer();
    private final CascadeLikeClassifier classifier = new CascadeLikeClassifier();
    private final BatchModerator moderator =
            new BatchModerator(new ContentModerator(classifier), new SpamTracker(), normalizer);
    private final ModerationPolicy policy = ModerationPolicy.compile(
            new ModerationSettings(
                    ModerationMode.POST,
                    Thresholds.of(0.6, 0.9),
                    Terms.none(),
                    SpamSettings.off(),
                    0,
                    UserLists.none(),
                    null),
            normalizer);

    @Test
    void uncertainTextsAreLeftOpenWithTheirPositionAndProvisionalVerdict() {
        List<ContentModerator.Deferred> deferred = new ArrayList<>();
        List<Assessment> out = moderator.assess(
                List.of(candidate("hello"), candidate("maybe rude"), candidate("hi")), Instant.EPOCH, deferred);

        assertThat(out.get(0).decision()).isEqualTo(Decision.ALLOW);
        assertThat(out.get(1)).isNull();
        assertThat(out.get(2).decision()).isEqualTo(Decision.ALLOW);
        assertThat(deferred).singleElement().satisfies(d -> {
            assertThat(d.index()).isEqualTo(1);
            assertThat(d.provisional().score()).isEqualTo(0.5);
            assertThat(d.judgeProvisionally().decision()).isEqualTo(Decision.ALLOW);
        });
        assertThat(moderator.judgeDeferred(deferred))
                .singleElement()
                .extracting(Assessment::decision)
                .isEqualTo(Decision.BLOCK);
        assertThat(classifier.deferredCalls).containsExactly(List.of("maybe rude"));
    }

    @Test
    void withoutDeferralEverythingIsSettledInOneCall() {
        List<Assessment> out = moderator.assess(List.of(candidate("maybe rude")), Instant.EPOCH);
        assertThat(out).singleElement().extracting(Assessment::decision).isEqualTo(Decision.BLOCK);
        assertThat(classifier.deferredCalls).isEmpty();
    }

    private BatchModerator.Candidate candidate(String text) {
        return new BatchModerator.Candidate("main", "u", false, policy, text);
    }
}
