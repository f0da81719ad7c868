package dev.safestream.server.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.Explanation;
import dev.safestream.protocol.settings.ModerationMode;
import dev.safestream.protocol.settings.ModerationSettings;
import dev.safestream.protocol.settings.SpamSettings;
import dev.safestream.protocol.settings.Terms;
import dev.safestream.protocol.settings.Thresholds;
import dev.safestream.protocol.settings.UserLists;
import dev.safestream.server.moderation.rules.SpamTracker;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchModeratorTest {
    private static final Instant NOW = Instant.parse("2026-06-26T12:00:00Z");
    private final TextNormalizer normalizer = new TextNormalizer();
    private final FakeClassifier classifier =
            new FakeClassifier().word("dumb", 0.7, "insult").word("hell", 0.65, "obscene");
    private final BatchModerator moderator =
            new BatchModerator(new ContentModerator(classifier), new SpamTracker(), normalizer);

    private ModerationPolicy policy(Terms terms, UserLists users) {
        return ModerationPolicy.compile(
                new ModerationSettings(
                        ModerationMode.POST, Thresholds.of(0.6, 0.9), terms, SpamSettings.off(), 0, users, null),
                normalizer);
    }

    private BatchModerator.Candidate candidate(ModerationPolicy policy, String user, String text) {
        return new BatchModerator.Candidate("main", user, false, policy, text);
    }

    @Test
    void theWholeBatchIsScoredInOneClassifierCall() {
        ModerationPolicy p = policy(Terms.none(), UserLists.none());
        List<Assessment> out = moderator.assess(
                List.of(candidate(p, "a", "hello"), candidate(p, "b", "you are dumb"), candidate(p, "c", "hi")), NOW);
        assertThat(out).extracting(Assessment::decision).containsExactly(Decision.ALLOW, Decision.FLAG, Decision.ALLOW);
        assertThat(classifier.batches()).hasSize(1);
        assertThat(classifier.batches().get(0)).hasSize(3);
    }

    @Test
    void rulesDecideBeforeTheModelAndSkipIt() {
        ModerationPolicy p = policy(new Terms(List.of("spoiler*"), List.of()), UserLists.none());
        List<Assessment> out = moderator.assess(List.of(candidate(p, "a", "SP0ILERS ahead: he dies")), NOW);
        assertThat(out.get(0).decision()).isEqualTo(Decision.BLOCK);
        assertThat(out.get(0).explanation().rule()).isEqualTo(Explanation.BLOCKED_TERM);
        assertThat(out.get(0).explanation().pattern()).isEqualTo("spoiler*");
        assertThat(out.get(0).toxic()).isTrue();
        assertThat(out.get(0).scored()).isFalse();
        assertThat(classifier.batches()).isEmpty();
    }

    @Test
    void allowListedUsersAndModeratorsSkipModeration() {
        ModerationPolicy p = policy(Terms.none(), new UserLists(List.of("Trusted"), List.of()));
        List<Assessment> out = moderator.assess(
                List.of(
                        candidate(p, "trusted", "you are dumb"),
                        new BatchModerator.Candidate("main", "mod", true, p, "you are dumb")),
                NOW);
        assertThat(out).allMatch(a -> a.decision() == Decision.ALLOW && !a.scored());
        assertThat(classifier.batches()).isEmpty();
    }

    @Test
    void blockListedUsersAreAlwaysBlocked() {
        ModerationPolicy p = policy(Terms.none(), new UserLists(List.of(), List.of("troll")));
        Assessment a = moderator
                .assess(List.of(candidate(p, "TROLL", "lovely weather")), NOW)
                .get(0);
        assertThat(a.decision()).isEqualTo(Decision.BLOCK);
        assertThat(a.explanation().rule()).isEqualTo(Explanation.USER_BLOCKLIST);
        assertThat(a.toxic()).isFalse();
    }

    @Test
    void allowedTermsAreHiddenFromTheModel() {
        ModerationPolicy p = policy(new Terms(List.of(), List.of("hell")), UserLists.none());
        List<Assessment> out = moderator.assess(
                List.of(candidate(p, "a", "what the h3ll"), candidate(p, "b", "hell you are dumb")), NOW);
        assertThat(out.get(0).decision()).isEqualTo(Decision.ALLOW);
        assertThat(out.get(1).decision()).isEqualTo(Decision.FLAG);
        assertThat(out.get(1).explanation().words()).containsExactly("dumb");
        assertThat(classifier.batches().get(0)).containsExactly("what the", "you are dumb");
    }

    @Test
    void duplicatesFromTheSameUserAreBlockedWithinTheWindow() {
        ModerationPolicy p = ModerationPolicy.compile(
                new ModerationSettings(
                        ModerationMode.POST,
                        Thresholds.of(0.6, 0.9),
                        null,
                        new SpamSettings(0, 8, 0, 30, false, List.of(), 0, 10),
                        0,
                        null,
                        null),
                normalizer);
        List<Assessment> out = moderator.assess(
                List.of(candidate(p, "a", "buy now"), candidate(p, "b", "buy now"), candidate(p, "a", "BUY NOW!!")),
                NOW);
        assertThat(out)
                .extracting(Assessment::decision)
                .containsExactly(Decision.ALLOW, Decision.ALLOW, Decision.BLOCK);
        assertThat(out.get(2).explanation().rule()).isEqualTo(Explanation.DUPLICATE);
    }
}
