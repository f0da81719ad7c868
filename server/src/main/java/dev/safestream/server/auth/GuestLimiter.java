package dev.safestream.server.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per-address budget for guest tokens ({@code perMinute} a minute, bursting to the same). Entries are dropped when the
 * map grows past {@link #MAX_TRACKED} so a scan of many addresses cannot exhaust memory.
 */
public final class GuestLimiter {
    private static final int MAX_TRACKED = 100_000;

    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    public GuestLimiter(int perMinute) {
        this.perMinute = perMinute;
    }

    public boolean tryAcquire(String address) {
        if (perMinute <= 0) {
            return true;
        }
        if (buckets.size() > MAX_TRACKED) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(address, a -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build())
                .tryConsume(1);
    }
}
