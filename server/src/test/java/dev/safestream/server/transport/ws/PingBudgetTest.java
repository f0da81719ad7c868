package dev.safestream.server.transport.ws;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class PingBudgetTest {
    private final AtomicLong now = new AtomicLong(1_000);

    @Test
    void aBurstOfFiveSecondsWorthPassesThenTheNextPingIsRefused() {
        PingBudget budget = new PingBudget(2, now::get);
        PingBudget.Bucket bucket = new PingBudget.Bucket();
        assertThat(budget.take(bucket, 10)).isTrue();
        assertThat(budget.take(bucket, 1)).isFalse();
    }

    @Test
    void theBucketRefillsAtTheRateAndNeverBeyondTheBurst() {
        PingBudget budget = new PingBudget(2, now::get);
        PingBudget.Bucket bucket = new PingBudget.Bucket();
        assertThat(budget.take(bucket, 10)).isTrue();
        now.addAndGet(TimeUnit.SECONDS.toNanos(1));
        assertThat(budget.take(bucket, 2)).isTrue();
        assertThat(budget.take(bucket, 1)).isFalse();

        now.addAndGet(TimeUnit.HOURS.toNanos(1));
        assertThat(budget.take(bucket, 10)).isTrue();
        assertThat(budget.take(bucket, 1)).isFalse();
    }

    @Test
    void aSteadyClientWithinTheRateIsNeverRefused() {
        PingBudget budget = new PingBudget(2, now::get);
        PingBudget.Bucket bucket = new PingBudget.Bucket();
        for (int i = 0; i < 1_000; i++) {
            assertThat(budget.take(bucket, 1)).as("ping " + i).isTrue();
            now.addAndGet(TimeUnit.MILLISECONDS.toNanos(500));
        }
    }

    @Test
    void zeroTurnsTheLimitOff() {
        PingBudget budget = new PingBudget(0, now::get);
        assertThat(budget.take(new PingBudget.Bucket(), 1_000_000)).isTrue();
    }
}
