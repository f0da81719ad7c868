package dev.safestream.server.simulate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AudienceTest {
    /** Regression: a carried-over "debt" fired early and reset, so 0.25 gifts/s came out near 1 gift/s. */
    @Test
    void eventsPerTickAverageToTheConfiguredRate() {
        SplittableRandom random = new SplittableRandom(9);
        int ticksInTenMinutes = 10 * 60 * 5;
        for (double perSecond : new double[] {0.25, 1.5, 5, 12}) {
            int events = IntStream.range(0, ticksInTenMinutes)
                    .map(i -> Audience.eventsThisTick(perSecond, random))
                    .sum();
            assertThat(events / 600.0)
                    .as("rate %s", perSecond)
                    .isCloseTo(perSecond, org.assertj.core.data.Percentage.withPercentage(10));
        }
    }

    @Test
    void aZeroRateNeverFires() {
        SplittableRandom random = new SplittableRandom(1);
        assertThat(IntStream.range(0, 1000)
                        .map(i -> Audience.eventsThisTick(0, random))
                        .sum())
                .isZero();
    }
}
