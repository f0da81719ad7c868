package dev.safestream.server.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class InMemoryBucketStoreTest {
    private static BucketConfiguration perMinute(int capacity) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(capacity, Duration.ofMinutes(1))
                        .build())
                .build();
    }

    /** Issue 23, M5: 100,500 guest-token keys cleared the one shared store, and with it a spent login budget. */
    @Test
    void aFloodOfKeysForOneLimitLeavesAnotherLimitsSpentBudgetsAlone() {
        BucketStore store = BucketStore.inMemory(1_000);
        BucketConfiguration logins = perMinute(3);
        for (int i = 0; i < 3; i++) {
            assertThat(store.bucket("login", "admin", logins).tryConsume(1)).isTrue();
        }
        for (int i = 0; i < 5_000; i++) {
            store.bucket("guest", "10.0." + (i / 256) + "." + (i % 256), perMinute(30))
                    .tryConsume(1);
        }
        assertThat(store.exists("login", "admin")).isTrue();
        assertThat(store.bucket("login", "admin", logins).tryConsume(1)).isFalse();
    }

    @Test
    void aBucketIsKeptAtLeastUntilItWouldBeFullAgain() {
        Bandwidth tenAMinute = Bandwidth.builder()
                .capacity(10)
                .refillGreedy(2, Duration.ofMinutes(1))
                .build();
        assertThat(InMemoryBucketStore.timeToRefill(tenAMinute)).isEqualTo(Duration.ofMinutes(5));
    }
}
