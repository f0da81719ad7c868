package dev.safestream.server.gifts;

import java.time.Duration;

/**
 * Gifts.
 *
 * @param simulatedInterval a simulated gift about this often in every channel, labelled as simulated
 *     (GIFT_INTERVAL_SECS); zero: none
 */
public record GiftSettings(Duration simulatedInterval) {
    public GiftSettings {
        if (simulatedInterval.isNegative()) {
            throw new IllegalArgumentException("--gift-interval-secs/GIFT_INTERVAL_SECS must not be negative");
        }
    }

    public boolean simulating() {
        return !simulatedInterval.isZero();
    }
}
