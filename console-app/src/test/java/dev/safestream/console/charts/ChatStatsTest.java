package dev.safestream.console.charts;

import static dev.safestream.console.feed.Events.moderated;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChatStatsTest {
    private Instant now = Instant.parse("2026-11-21T08:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final ChatStats stats = new ChatStats(clock);

    @Test
    void toxicShareRateCategoriesAndHistogramCoverTheWindow() {
        stats.apply(List.of(
                moderated(1, "a", "hi", 0.05, "allow"),
                moderated(2, "b", "idiot", 0.8, "flag"),
                moderated(3, "c", "fine", 0.15, "allow"),
                moderated(4, "d", "idiot!", 0.95, "block")));

        assertThat(stats.toxicPercent()).isEqualTo(50.0);
        assertThat(stats.messagesLastMinute()).isEqualTo(4);
        assertThat(stats.categories()).containsEntry("insult", 2);
        assertThat(stats.histogram()).containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 1, 1);
        assertThat(stats.series()).singleElement().satisfies(p -> assertThat(p.messages())
                .isEqualTo(4));
    }

    @Test
    void oldBucketsLeaveTheWindowAsTimeMoves() {
        stats.apply(List.of(moderated(1, "a", "idiot", 0.9, "flag")));
        now = now.plus(Duration.ofMinutes(2));
        stats.apply(List.of(moderated(2, "b", "hi", 0.0, "allow")));

        assertThat(stats.messagesLastMinute()).isEqualTo(1);
        assertThat(stats.series()).hasSize(2);

        now = now.plus(ChatStats.WINDOW);

        assertThat(stats.series()).isEmpty();
    }
}
