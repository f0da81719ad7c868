package dev.safestream.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class KeyedBucketsTest {
    @Test
    void eachKeyHasItsOwnBudgetAndSaysHowLongToWait() {
        KeyedBuckets buckets = new KeyedBuckets(2, Duration.ofMinutes(10));
        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a")).isEmpty();
        assertThat(buckets.tryTake("a"))
                .hasValueSatisfying(wait -> assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(5)));
        assertThat(buckets.waitFor("a")).isPresent();
        assertThat(buckets.tryTake("b")).isEmpty();
        buckets.reset("a");
        assertThat(buckets.waitFor("a")).isEmpty();
    }

    @Test
    void aZeroBudgetIsNoLimit() {
        KeyedBuckets off = new KeyedBuckets(0, Duration.ofMinutes(1));
        for (int i = 0; i < 1000; i++) {
            assertThat(off.tryTake("a")).isEmpty();
        }
    }
}
