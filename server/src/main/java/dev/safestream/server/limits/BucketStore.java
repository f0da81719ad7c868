package dev.safestream.server.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.concurrent.CompletionStage;

/**
 * Where {@link KeyedBuckets} keep their token buckets: this node's memory (one node), or Redis in cluster mode, so a
 * budget holds across every node (Bucket4j's Lettuce integration; see {@code cluster.redis.RedisBucketStore}).
 */
public interface BucketStore {
    /** The bucket for {@code key} under {@code limit}, created full with {@code configuration} on first use. */
    Bucket bucket(String limit, String key, BucketConfiguration configuration);

    /**
     * Takes one token without making the caller wait: completes at once in memory, on the store's thread when remote.
     * Completes exceptionally when the store fails.
     */
    CompletionStage<Boolean> tryTakeAsync(String limit, String key, BucketConfiguration configuration);

    /** Whether a bucket exists for the key; a remote store answers true and lets the bucket speak for itself. */
    boolean exists(String limit, String key);

    /** Forgets a key: its next use starts with a full bucket. */
    void forget(String limit, String key);

    /** Whether buckets live in memory here (and so cannot fail) rather than remotely. */
    boolean local();

    /**
     * A store in this node's memory, bounded to {@code maxKeys} keys per limit. Each limit has a cache of its own, so
     * a flood of keys for one (guest tokens from forged addresses) cannot push out another's (spent login budgets), and
     * a key is dropped first once untouched for as long as its bucket takes to refill: forgetting a full bucket changes
     * nothing. Only a limit with more than {@code maxKeys} keys spent at once loses some early (issue 23, M5).
     */
    static BucketStore inMemory(int maxKeys) {
        return new InMemoryBucketStore(maxKeys);
    }
}
