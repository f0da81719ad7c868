package dev.safestream.server.limits;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Bucket4j token bucket per key (a client address, an account, a user): {@code capacity} tokens, {@code refill}
 * of them added back evenly over each {@code period}. A capacity of 0 turns the limit off.
 *
 * <p>The buckets live in a {@link BucketStore}: this node's memory, bounded (past {@link #MAX_KEYS} keys it starts
 * afresh, so a scan of many addresses cannot exhaust memory; it can only reset budgets early), or Redis in cluster
 * mode. When the remote store fails (Redis away), this node's memory takes over until it answers again.
 */
public final class KeyedBuckets {
    private static final Logger log = LoggerFactory.getLogger(KeyedBuckets.class);
    static final int MAX_KEYS = 100_000;

    private final String name;
    private final long capacity;
    private final long refill;
    private final Duration period;
    private final BucketStore store;
    private final BucketStore fallback;

    /** {@code capacity} tokens, all of them refilled over {@code period}, in this node's memory. */
    public KeyedBuckets(long capacity, Duration period) {
        this("local", capacity, capacity, period, BucketStore.inMemory(MAX_KEYS));
    }

    /** In this node's memory. */
    public KeyedBuckets(long capacity, long refill, Duration period) {
        this("local", capacity, refill, period, BucketStore.inMemory(MAX_KEYS));
    }

    /** @param name the limit's name in the store (one namespace per limit) */
    public KeyedBuckets(String name, long capacity, long refill, Duration period, BucketStore store) {
        this.name = name;
        this.capacity = capacity;
        this.refill = refill;
        this.period = period;
        this.store = store;
        this.fallback = store.local() ? store : BucketStore.inMemory(MAX_KEYS);
    }

    public boolean enabled() {
        return capacity > 0 && refill > 0;
    }

    /** Takes one token; empty when taken, else how long until one is available. */
    public Optional<Duration> tryTake(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        ConsumptionProbe probe;
        try {
            probe = bucket(store, key).tryConsumeAndReturnRemaining(1);
        } catch (RuntimeException e) {
            probe = bucket(fallback, key).tryConsumeAndReturnRemaining(1);
            storeFailed(e);
        }
        return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /**
     * Takes one token without making the caller wait (socket threads): true when taken. Completes at once in memory;
     * with a remote store on its thread, and from this node's memory when the store fails.
     */
    public CompletionStage<Boolean> tryTakeAsync(String key) {
        if (!enabled()) {
            return CompletableFuture.completedFuture(true);
        }
        BucketConfiguration configuration = configuration();
        return store.tryTakeAsync(name, key, configuration).exceptionally(e -> {
            storeFailed(e instanceof RuntimeException r ? r : new IllegalStateException(e));
            return bucket(fallback, key).tryConsume(1);
        });
    }

    /** How long until {@code key} has a token, without taking one; empty when it has one now. */
    public Optional<Duration> waitFor(String key) {
        if (!enabled()) {
            return Optional.empty();
        }
        EstimationProbe probe;
        try {
            probe = estimate(store, key);
        } catch (RuntimeException e) {
            probe = estimate(fallback, key);
            storeFailed(e);
        }
        return probe == null || probe.canBeConsumed()
                ? Optional.empty()
                : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** Forgets a key: its next use starts with a full bucket. */
    public void reset(String key) {
        try {
            store.forget(name, key);
        } catch (RuntimeException e) {
            storeFailed(e);
        }
        fallback.forget(name, key);
    }

    private EstimationProbe estimate(BucketStore in, String key) {
        return in.exists(name, key) ? bucket(in, key).estimateAbilityToConsume(1) : null;
    }

    private Bucket bucket(BucketStore in, String key) {
        return in.bucket(name, key, configuration());
    }

    private BucketConfiguration configuration() {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder()
                        .capacity(capacity)
                        .refillGreedy(refill, period)
                        .build())
                .build();
    }

    private static void storeFailed(RuntimeException e) {
        log.debug("The shared limit store failed; this node's memory counts meanwhile: {}", e.toString());
    }
}
