package dev.safestream.server.cluster.redis;

import dev.safestream.server.limits.BucketStore;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Token buckets in Redis through Bucket4j's Lettuce integration (compare-and-swap on one key per bucket), so a budget
 * such as "20 failed logins per address per 10 minutes" holds across every node. Keys expire once their bucket would
 * be full again. Each synchronous use is one round trip (HTTP threads only); socket threads use {@link #tryTakeAsync},
 * which completes on Lettuce's event loop.
 */
final class RedisBucketStore implements BucketStore {
    private static final String PREFIX = "safestream:limit:";
    private final ProxyManager<byte[]> buckets;

    RedisBucketStore(RedisClient client) {
        this.buckets = Bucket4jLettuce.casBasedBuilder(client)
                .expirationAfterWrite(
                        ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                .build();
    }

    @Override
    public Bucket bucket(String limit, String key, BucketConfiguration configuration) {
        return buckets.getProxy(key(limit, key), () -> configuration);
    }

    @Override
    public CompletionStage<Boolean> tryTakeAsync(String limit, String key, BucketConfiguration configuration) {
        return buckets.asAsync()
                .getProxy(key(limit, key), () -> CompletableFuture.completedFuture(configuration))
                .tryConsume(1);
    }

    @Override
    public boolean exists(String limit, String key) {
        return true;
    }

    @Override
    public void forget(String limit, String key) {
        buckets.removeProxy(key(limit, key));
    }

    @Override
    public boolean local() {
        return false;
    }

    private static byte[] key(String limit, String key) {
        return (PREFIX + limit + ":" + key).getBytes(StandardCharsets.UTF_8);
    }
}
