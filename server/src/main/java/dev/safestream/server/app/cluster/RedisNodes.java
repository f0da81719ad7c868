package dev.safestream.server.app.cluster;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.server.auth.AccountStates;
import dev.safestream.server.auth.ChannelDirectory;
import dev.safestream.server.auth.SharedChanges;
import dev.safestream.server.chat.MessageIds;
import dev.safestream.server.cluster.ClusterSettings;
import dev.safestream.server.cluster.redis.RedisCluster;
import dev.safestream.server.fanout.ChannelBus;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.FigureExchange;
import dev.safestream.server.gifts.ProducerLease;
import dev.safestream.server.limits.BucketStore;
import dev.safestream.server.moderation.workflow.Pins;
import dev.safestream.server.moderation.workflow.SanctionBroadcast;
import dev.safestream.server.moderation.workflow.Sanctions;
import dev.safestream.server.persistence.Database;
import dev.safestream.server.persistence.JdbcMessageIds;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

/** Several nodes sharing a Redis (events, budgets, figures, gift leases) and the database (message ids). */
final class RedisNodes implements ClusterArea {
    private final RedisCluster redis;
    private final String node;

    private RedisNodes(RedisCluster redis, String node) {
        this.redis = redis;
        this.node = node;
    }

    static RedisNodes connect(ClusterSettings settings, ObjectMapper mapper) {
        String node = settings.nodeId() != null ? settings.nodeId() : generatedNodeId();
        return new RedisNodes(RedisCluster.connect(settings.redisUrl(), node, mapper), node);
    }

    /** The host name and a random suffix. */
    private static String generatedNodeId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + HexFormat.of().toHexDigits((short) new java.security.SecureRandom().nextInt());
    }

    @Override
    public Optional<String> node() {
        return Optional.of(node);
    }

    @Override
    public BucketStore limits() {
        return redis.limits();
    }

    @Override
    public ChannelBus bus(int kept, Clock clock) {
        return redis.bus(kept);
    }

    @Override
    public MessageIds sharedMessageIds(Database database) {
        return new JdbcMessageIds(database);
    }

    @Override
    public void connect(
            Channels channels, Sanctions sanctions, Pins pins, AccountStates accounts, ChannelDirectory directory) {
        redis.deliverTo(channels, sanctions, pins, accounts, directory);
        SharedChanges shared = redis.changes();
        pins.shareWith(shared);
        accounts.shareWith(shared);
        directory.shareWith(shared);
        channels.shareWith(shared);
    }

    @Override
    public SanctionBroadcast sanctions() {
        return redis.sanctionBroadcast();
    }

    @Override
    public FigureExchange figures(Duration staleAfter) {
        return redis.figures(staleAfter);
    }

    @Override
    public ProducerLease giftLease(Duration ttl) {
        return redis.giftLease(ttl);
    }

    @Override
    public String problem() {
        return redis.problem();
    }

    @Override
    public void close() {
        redis.close();
    }
}
