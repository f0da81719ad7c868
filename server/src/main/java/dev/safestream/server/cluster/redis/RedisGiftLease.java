package dev.safestream.server.cluster.redis;

import dev.safestream.server.gifts.ProducerLease;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The random-gift producer's lease: one key per channel holding the node id, renewed on every {@link #hold} and
 * expiring after {@code ttl} when its node stops; {@link #releaseAll} gives this node's leases up at shutdown so they
 * move at once. Each call is one synchronous round trip (the scheduler thread).
 */
final class RedisGiftLease implements ProducerLease {
    private static final Logger log = LoggerFactory.getLogger(RedisGiftLease.class);
    static final String KEY = "safestream:gift-lease:";
    /** Renews the lease when this node (ARGV[1]) holds it, takes it when nobody does. */
    private static final String HOLD = "local v = redis.call('GET', KEYS[1])"
            + " if v == ARGV[1] then redis.call('PEXPIRE', KEYS[1], ARGV[2]) return 1 end"
            + " if not v then redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 1 end return 0";
    /** Gives a lease up, only when this node (ARGV[1]) holds it. */
    private static final String RELEASE =
            "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0";

    private final StatefulRedisConnection<String, String> commands;
    private final String nodeId;
    private final Duration ttl;
    private final Set<String> held = ConcurrentHashMap.newKeySet();

    RedisGiftLease(StatefulRedisConnection<String, String> commands, String nodeId, Duration ttl) {
        this.commands = commands;
        this.nodeId = nodeId;
        this.ttl = ttl;
    }

    @Override
    public boolean hold(String channel) {
        Long result = commands.sync()
                .eval(
                        HOLD,
                        ScriptOutputType.INTEGER,
                        new String[] {KEY + channel},
                        nodeId,
                        Long.toString(ttl.toMillis()));
        if (result != null && result == 1) {
            held.add(channel);
            return true;
        }
        held.remove(channel);
        return false;
    }

    /** Gives up every lease this node holds (best effort: an unreleased one expires by itself). */
    void releaseAll() {
        for (String channel : held) {
            try {
                commands.sync().eval(RELEASE, ScriptOutputType.INTEGER, new String[] {KEY + channel}, nodeId);
            } catch (RuntimeException e) {
                log.debug("Could not release the gift lease on {}; it expires by itself", channel, e);
            }
        }
    }
}
