package dev.safestream.server.limits;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

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

    /** A store in this node's memory, bounded: past {@code maxKeys} keys it starts afresh. */
    static BucketStore inMemory(int maxKeys) {
        return new BucketStore() {
            private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

            @Override
            public Bucket bucket(String limit, String key, BucketConfiguration configuration) {
                if (buckets.size() >= maxKeys) {
                    buckets.clear();
                }
                return buckets.computeIfAbsent(limit + '\n' + key, k -> Bucket.builder()
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
                return buckets.containsKey(limit + '\n' + key);
            }

            @Override
            public void forget(String limit, String key) {
                buckets.remove(limit + '\n' + key);
            }

            @Override
            public boolean local() {
                return true;
            }
        };
    }
}
