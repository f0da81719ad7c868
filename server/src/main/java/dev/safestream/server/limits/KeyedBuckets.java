package dev.safestream.server.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One Bucket4j token bucket per key (a client address, an account, a user): {@code capacity} tokens, {@code refill}
 * of them added back evenly over each {@code period}. Memory is bounded: past {@link #MAX_KEYS} keys the map starts afresh, so a scan of many addresses
 * cannot exhaust memory (it can only reset budgets early). A capacity of 0 turns the limit off.
 */
public final class KeyedBuckets {
    static final int MAX_KEYS = 100_000;

    private final long capacity;
    private final long refill;
    private final Duration period;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** {@code capacity} tokens, all of them refilled over {@code period}. */
    public KeyedBuckets(long capacity, Duration period) {
        this(capacity, capacity, period);
    }

    public KeyedBuckets(long capacity, long refill, Duration period) {
        this.capacity = capacity;
        this.refill = refill;
        this.period = period;
    }

    public boolean enabled() {
        return capacity > 0 && refill > 0;
    }

    /** Takes one token; empty when taken, else how long until one is available. */
    public Optional<Duration> tryTake(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        ConsumptionProbe probe = bucket(key).tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** How long until {@code key} has a token, without taking one; empty when it has one now. */
    public Optional<Duration> waitFor(String key) {
        Bucket bucket = enabled() ? buckets.get(key) : null;
        if (bucket == null) {
            return Optional.empty();
        }
        EstimationProbe probe = bucket.estimateAbilityToConsume(1);
        return probe.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Forgets a key: its next use starts with a full bucket. */
    public void reset(String key) {
        buckets.remove(key);
    }

    private Bucket bucket(String key) {
        if (buckets.size() >= MAX_KEYS) {
            buckets.clear();
        }
        return buckets.computeIfAbsent(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(refill, period)
                        .build())
                .build());
    }
}
