package dev.safestream.server.chat;

import dev.safestream.server.limits.KeyedBuckets;
import java.time.Duration;
import java.util.Locale;

/**
 * Per-user budget (a Bucket4j token bucket per user): {@code perSecond} sustained, bursting to {@code burst}; 0 per
 * second = unlimited. Chat messages use one; gifts sent by viewers use another ({@code GiftService}).
 */
public final class ChatRateLimiter {
    private final KeyedBuckets buckets;

    public ChatRateLimiter(int perSecond, int burst) {
        this.buckets = new KeyedBuckets(perSecond <= 0 ? 0 : burst, perSecond, Duration.ofSeconds(1));
    }

    public boolean tryAcquire(String username) {
        return buckets.tryTake(username.toLowerCase(Locale.ROOT)).isEmpty();
    }
}
