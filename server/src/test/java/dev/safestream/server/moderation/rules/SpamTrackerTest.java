package dev.safestream.server.moderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.models.text.TextNormalizer;
import dev.safestream.protocol.Explanation;
import dev.safestream.protocol.settings.SpamSettings;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SpamTrackerTest {
    private static final Instant T0 = Instant.parse("2026-06-26T12:00:00Z");
    private final TextNormalizer normalizer = new TextNormalizer();
    private final SpamTracker tracker = new SpamTracker();

    private Optional<Explanation> send(String user, String text, SpamSettings s, long secondsAfterStart) {
        return tracker.check("main", user, new MessageText(text, normalizer), s, T0.plusSeconds(secondsAfterStart));
    }

    @Test
    void theSameTextFromTheSameUserIsADuplicateWithinTheWindowOnly() {
        SpamSettings s = new SpamSettings(0, 8, 0, 30, false, List.of(), 0, 10);
        assertThat(send("a", "follow me", s, 0)).isEmpty();
        assertThat(send("b", "follow me", s, 1)).as("another user").isEmpty();
        assertThat(send("A", "F0LL0W ME!!", s, 12)).hasValueSatisfying(e -> {
            assertThat(e.rule()).isEqualTo(Explanation.DUPLICATE);
            assertThat(e.detail()).contains("12 s ago");
        });
        assertThat(send("a", "follow me", s, 12 + 30))
                .as("window passed since the last copy")
                .isEmpty();
    }

    @Test
    void floodFiresPastTheMessageCountInTheWindow() {
        SpamSettings s = new SpamSettings(0, 8, 0, 0, false, List.of(), 3, 10);
        assertThat(send("a", "1", s, 0)).isEmpty();
        assertThat(send("a", "2", s, 1)).isEmpty();
        assertThat(send("a", "3", s, 2)).isEmpty();
        assertThat(send("a", "4", s, 3))
                .hasValueSatisfying(e -> assertThat(e.rule()).isEqualTo(Explanation.FLOOD));
        assertThat(send("b", "1", s, 3)).as("another user").isEmpty();
        assertThat(send("a", "5", s, 13)).as("the first three left the window").isEmpty();
    }

    @Test
    void nothingIsRememberedWhenBothFiltersAreOff() {
        assertThat(send("a", "x", SpamSettings.off(), 0)).isEmpty();
        assertThat(tracker.trackedUsers()).isZero();
    }
}
