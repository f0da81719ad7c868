package dev.safestream.console.charts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.protocol.GiftSent;
import dev.safestream.protocol.MetricsPublished;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TilesViewModelTest {
    private final TilesViewModel tiles = new TilesViewModel(new ChatStats(Clock.systemUTC()));

    @Test
    void giftsFeedTheTopGiftersByCoinsAndMetricsSetTheCounts() {
        tiles.apply(
                List.of(gift("ann", 10), gift("bob", 50), gift("ann", 45), new MetricsPublished(12, 3, 25.0, "main")));

        assertThat(tiles.topGiftersProperty().get()).isEqualTo("ann 55, bob 50");
        assertThat(tiles.viewersProperty().get()).isEqualTo(12);
        assertThat(tiles.giftsProperty().get()).isEqualTo(3);
        assertThat(tiles.giftFeed()).extracting(GiftSent::from).containsExactly("ann", "bob", "ann");

        tiles.apply(List.of(gift("cid", 1)));

        assertThat(tiles.giftsProperty().get()).isEqualTo(4);
    }

    private static GiftSent gift(String from, long coins) {
        return new GiftSent(from, 1, 1, Instant.EPOCH, "main", "Rose", coins, false);
    }
}
