package dev.safestream.server.chat;

import dev.safestream.server.limits.BucketStore;
import dev.safestream.server.limits.KeyedBuckets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionStage;

/**
 * Per-user budget (a Bucket4j token bucket per user): {@code perSecond} sustained, bursting to {@code burst}; 0 per
 * second = unlimited. Chat messages use one (in cluster mode kept in Redis, so it holds across nodes); gifts sent by
 * viewers use another ({@code GiftService}).
 */
public final class ChatRateLimiter {
    private final KeyedBuckets buckets;

    /** In this node's memory. */
    public ChatRateLimiter(int perSecond, int burst) {
        this.buckets = new KeyedBuckets(perSecond <= 0 ? 0 : burst, perSecond, Duration.ofSeconds(1));
    }

    /** In {@code store} under {@code name} (Redis in cluster mode). */
    public ChatRateLimiter(String name, int perSecond, int burst, BucketStore store) {
        this.buckets = new KeyedBuckets(name, perSecond <= 0 ? 0 : burst, perSecond, Duration.ofSeconds(1), store);
    }

    public boolean tryAcquire(String username) {
        return buckets.tryTake(username.toLowerCase(Locale.ROOT)).isEmpty();
    }

    /** Without making the caller wait (socket threads): completes at once in memory, on Redis's reply in a cluster. */
    public CompletionStage<Boolean> tryAcquireAsync(String username) {
        return buckets.tryTakeAsync(username.toLowerCase(Locale.ROOT));
    }
}
