package dev.safestream.server.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** {@link BucketStore#inMemory}: one bounded Caffeine cache of buckets per limit. Thread-safe. */
final class InMemoryBucketStore implements BucketStore {
    private final int maxKeys;
    private final Map<String, Cache<String, Bucket>> limits = new ConcurrentHashMap<>();

    InMemoryBucketStore(int maxKeys) {
        this.maxKeys = maxKeys;
    }

    @Override
    public Bucket bucket(String limit, String key, BucketConfiguration configuration) {
        return cache(limit, configuration).get(key, k -> Bucket.builder()
                .addLimit(configuration.getBandwidths()[0])
                .build());
    }

    @Override
    public CompletionStage<Boolean> tryTakeAsync(String limit, String key, BucketConfiguration configuration) {
        return CompletableFuture.completedFuture(
                bucket(limit, key, configuration).tryConsume(1));
    }

    @Override
    public boolean exists(String limit, String key) {
        Cache<String, Bucket> cache = limits.get(limit);
        return cache != null && cache.getIfPresent(key) != null;
    }

    @Override
    public void forget(String limit, String key) {
        Cache<String, Bucket> cache = limits.get(limit);
        if (cache != null) {
            cache.invalidate(key);
        }
    }

    @Override
    public boolean local() {
        return true;
    }

    private Cache<String, Bucket> cache(String limit, BucketConfiguration configuration) {
        return limits.computeIfAbsent(limit, l -> Caffeine.newBuilder()
                .maximumSize(maxKeys)
                .expireAfterAccess(timeToRefill(configuration.getBandwidths()[0]))
                .build());
    }

    /** How long an empty bucket takes to be full again: after that, forgetting it is the same as keeping it. */
    static Duration timeToRefill(Bandwidth bandwidth) {
        long periods = (bandwidth.getCapacity() + bandwidth.getRefillTokens() - 1) / bandwidth.getRefillTokens();
        return Duration.ofNanos(Math.multiplyExact(periods, bandwidth.getRefillPeriodNanos()));
    }
}
