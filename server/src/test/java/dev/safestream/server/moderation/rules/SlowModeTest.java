package dev.safestream.server.moderation.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SlowModeTest {
    private static final Instant T0 = Instant.parse("2026-06-26T12:00:00Z");
    private final SlowMode slowMode = new SlowMode();

    @Test
    void aSecondMessageWithinTheIntervalMustWaitForTheRest() {
        assertThat(slowMode.check("main", "alice", 10, T0)).isEmpty();
        assertThat(slowMode.check("main", "Alice", 10, T0.plusMillis(2500))).contains(Duration.ofMillis(7500));
        assertThat(slowMode.check("main", "alice", 10, T0.plusSeconds(10))).isEmpty();
    }

    @Test
    void refusedMessagesDoNotRestartTheInterval() {
        slowMode.check("main", "bob", 10, T0);
        slowMode.check("main", "bob", 10, T0.plusSeconds(9));
        assertThat(slowMode.check("main", "bob", 10, T0.plusSeconds(10))).isEmpty();
    }

    @Test
    void usersAndChannelsAreSeparateAndZeroIsOff() {
        slowMode.check("main", "carol", 10, T0);
        assertThat(slowMode.check("other", "carol", 10, T0)).isEmpty();
        assertThat(slowMode.check("main", "dave", 10, T0)).isEmpty();
        assertThat(slowMode.check("main", "carol", 0, T0)).isEmpty();
    }

    @Test
    void waitsAreRoundedUpToWholeSeconds() {
        assertThat(SlowMode.secondsToWait(Duration.ofMillis(7500))).isEqualTo(8);
        assertThat(SlowMode.secondsToWait(Duration.ofSeconds(7))).isEqualTo(7);
        assertThat(SlowMode.secondsToWait(Duration.ofMillis(1))).isEqualTo(1);
    }
}
