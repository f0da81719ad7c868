package dev.safestream.server.moderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.protocol.settings.TimeoutSettings;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeoutLadderTest {
    private static final Instant T0 = Instant.parse("2026-06-26T12:00:00Z");
    private final TimeoutLadder ladder = new TimeoutLadder();
    private final TimeoutSettings threeIn10Minutes = new TimeoutSettings(3, 600, List.of(60L, 600L, 3600L), 86_400);

    private Optional<Duration> strike(String user, long secondsAfterStart) {
        return ladder.strike("main", user, threeIn10Minutes, T0.plusSeconds(secondsAfterStart));
    }

    @Test
    void threeStrikesInTheWindowMuteForTheFirstStep() {
        assertThat(strike("a", 0)).isEmpty();
        assertThat(strike("a", 10)).isEmpty();
        assertThat(strike("a", 20)).contains(Duration.ofSeconds(60));
    }

    @Test
    void strikesOutsideTheWindowDoNotCount() {
        strike("a", 0);
        strike("a", 10);
        assertThat(strike("a", 700)).isEmpty();
    }

    @Test
    void repeatOffendersClimbTheLadderAndStayOnItsLastStep() {
        long t = 0;
        List<Long> mutes = new java.util.ArrayList<>();
        for (int set = 0; set < 4; set++) {
            strike("a", t++);
            strike("a", t++);
            mutes.add(strike("a", t++).orElseThrow().toSeconds());
        }
        assertThat(mutes).containsExactly(60L, 600L, 3600L, 3600L);
    }

    @Test
    void theLadderStartsAgainAfterTheResetPeriod() {
        strike("a", 0);
        strike("a", 1);
        strike("a", 2);
        long later = 2 + 86_400 + 1;
        strike("a", later);
        strike("a", later + 1);
        assertThat(strike("a", later + 2)).contains(Duration.ofSeconds(60));
    }

    @Test
    void offWhenStrikesIsZero() {
        TimeoutSettings off = TimeoutSettings.off();
        for (int i = 0; i < 10; i++) {
            assertThat(ladder.strike("main", "a", off, T0.plusSeconds(i))).isEmpty();
        }
    }
}
