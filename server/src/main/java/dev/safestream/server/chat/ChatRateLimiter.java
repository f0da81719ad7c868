package dev.safestream.server.chat;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-user budget (Bucket4j token bucket): {@code perSecond} sustained, bursting to {@code burst}. Chat messages use
 * one; gifts sent by viewers use another ({@code GiftService}).
 */
public final class ChatRateLimiter {
    private static final int MAX_TRACKED = 200_000;

    private final int perSecond;
    private final int burst;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public ChatRateLimiter(int perSecond, int burst) {
        this.perSecond = perSecond;
        this.burst = burst;
    }

    public boolean tryAcquire(String username) {
        if (perSecond <= 0) {
            return true;
        }
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(username.toLowerCase(Locale.ROOT), u -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(burst)
                                .refillGreedy(perSecond, Duration.ofSeconds(1))
                                .build())
                        .build())
                .tryConsume(1);
    }
}
