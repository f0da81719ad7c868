package dev.safestream.server.cluster.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.protocol.cluster.NodeMessage;
import dev.safestream.protocol.cluster.SanctionChanged;
import dev.safestream.protocol.cluster.StateChanged;
import dev.safestream.server.auth.AccountStates;
import dev.safestream.server.auth.ChannelDirectory;
import dev.safestream.server.auth.SharedChanges;
import dev.safestream.server.fanout.ChannelBus;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.EventId;
import dev.safestream.server.fanout.FigureExchange;
import dev.safestream.server.fanout.LocalDelivery;
import dev.safestream.server.gifts.ProducerLease;
import dev.safestream.server.limits.BucketStore;
import dev.safestream.server.moderation.workflow.Pins;
import dev.safestream.server.moderation.workflow.SanctionBroadcast;
import dev.safestream.server.moderation.workflow.Sanctions;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.lettuce.core.resource.Delay;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's link to the others through Redis (Lettuce). Channel events go out with PUBLISH on one connection, so
 * Redis sees them in the order this node sent them and hands every subscriber (this node included) the same order;
 * each node then delivers them to its own connections. (Message ids come from the shared database, not from here,
 * so messages can still be stored while Redis is away.)
 *
 * <p>Events for everyone, or for the moderators, of a channel also go to a capped stream per channel ({@code safestream:history:<channel>}, the
 * last {@code catch-up events}), in one script with the PUBLISH, so the stream id is the event's {@link EventId} on
 * every node and a reconnecting client can read what it missed on any node.
 *
 * <p>Threads: publishes are asynchronous (never block the caller); deliveries run on Lettuce's event-loop thread and
 * only offer to outboxes; the gift lease is a synchronous round trip on the scheduler thread.
 */
public final class RedisCluster implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisCluster.class);
    static final String EVENTS = "safestream:events";
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private final String nodeId;
    private final ClientResources resources;
    private final RedisClient client;
    private final StatefulRedisConnection<String, String> commands;
    private final StatefulRedisPubSubConnection<String, String> subscription;
    private final ObjectMapper mapper;
    /** Where this node's share of the events goes ({@link ChannelBus#deliverTo}). */
    private final AtomicReference<LocalDelivery> here = new AtomicReference<>();

    private RedisGiftLease giftLease;
    private RedisBucketStore limits;
    /** False from a lost connection until both connections are back and shared state was read again. */
    private final AtomicBoolean reachable = new AtomicBoolean(true);
    /** What the other nodes say, handed to this node's parts. */
    private final RedisInbox inbox;

    private RedisCluster(String url, String nodeId, ObjectMapper mapper) {
        this.nodeId = nodeId;
        this.mapper = mapper;
        this.inbox = new RedisInbox(nodeId, mapper, here);
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(TIMEOUT);
        // reconnect quickly after an outage (Lettuce's default backs off to 30 s)
        this.resources = DefaultClientResources.builder()
                .reconnectDelay(Delay.exponential(
                        Duration.ofMillis(100), Duration.ofSeconds(5), 2, java.util.concurrent.TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, uri);
        // while Redis is away, commands fail at once (and events go to this node's connections) instead of queueing
        // without bound and arriving late
        client.setOptions(ClientOptions.builder()
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisConnected(RedisChannelHandler<?, ?> connection, SocketAddress address) {
                reconnected();
            }

            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                if (reachable.compareAndSet(true, false)) {
                    log.warn("Lost the connection to Redis: this node serves its own connections only until it is back"
                            + " (events from here do not reach other nodes, theirs do not reach here)");
                }
            }
        });
        this.commands = client.connect();
        this.subscription = client.connectPubSub();
    }

    /** Connects, or fails start-up with the reason (a node that cannot reach Redis must not start alone). */
    public static RedisCluster connect(String url, String nodeId, ObjectMapper mapper) {
        RedisCluster cluster = new RedisCluster(url, nodeId, mapper);
        cluster.commands.sync().ping();
        log.info("Cluster mode: node {} on Redis {}", nodeId, redacted(url));
        return cluster;
    }

    /**
     * Starts delivering the other nodes' events (and this node's own, as Redis echoes them) to {@code local}, and
     * their sanction changes to {@code localSanctions}.
     */
    public void deliverTo(
            Channels local,
            Sanctions localSanctions,
            Pins localPins,
            AccountStates localAccounts,
            ChannelDirectory localDirectory) {
        inbox.attach(local, localSanctions, localPins, localAccounts, localDirectory);
        subscription.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                inbox.receive(message);
            }
        });
        subscription.sync().subscribe(EVENTS);
    }

    /** The cluster's bus; {@code kept} events per channel stay in Redis for catch-up. */
    public ChannelBus bus(int kept) {
        return new RedisBus(this, commands, here, nodeId, kept);
    }

    /** Tells the other nodes of a sanction imposed or lifted here; they update the sanctions they keep in memory. */
    public SanctionBroadcast sanctionBroadcast() {
        return (sanction, lifted) -> send(new SanctionChanged(
                nodeId,
                sanction.channel(),
                sanction.username(),
                sanction.kind().name(),
                sanction.until(),
                sanction.reason(),
                sanction.issuedBy(),
                lifted));
    }

    /**
     * The random-gift producer's lease on each channel ({@link RedisGiftLease}), released when this node closes. One
     * per node.
     */
    public synchronized ProducerLease giftLease(Duration ttl) {
        if (giftLease == null) {
            giftLease = new RedisGiftLease(commands, nodeId, ttl);
        }
        return giftLease;
    }

    /** The cluster's channel figures ({@link RedisFigureExchange}). */
    public FigureExchange figures(Duration staleAfter) {
        return new RedisFigureExchange(commands, nodeId, staleAfter);
    }

    /** Token buckets shared by every node (login, registration, guest-token and chat budgets). One per node. */
    public synchronized BucketStore limits() {
        if (limits == null) {
            limits = new RedisBucketStore(client);
        }
        return limits;
    }

    /** What this node tells the others when something they keep in memory changed in the shared store. */
    public SharedChanges changes() {
        return (kind, key) -> send(new StateChanged(nodeId, kind.name(), key));
    }

    public String nodeId() {
        return nodeId;
    }

    /** Null when Redis answers, else what is wrong (for /readyz). */
    public String problem() {
        try {
            commands.sync().ping();
            return null;
        } catch (RuntimeException e) {
            return "Redis is unreachable: " + e.getMessage();
        }
    }

    /** A cluster message as it travels. */
    String encode(NodeMessage message) {
        try {
            return mapper.writeValueAsString(message);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A cluster message could not be written", e);
        }
    }

    CompletionStage<Long> send(NodeMessage message) {
        return commands.async().publish(EVENTS, encode(message)).whenComplete(RedisCluster::logFailure);
    }

    static void logFailure(Object result, Throwable failure) {
        if (failure != null) {
            log.debug("Publishing to Redis failed; only this node's connections get it: {}", failure.toString());
        }
    }

    /** Whether both connections are up: events then go through Redis, else straight to this node's connections. */
    boolean linked() {
        return reachable.get() && commands.isOpen() && subscription.isOpen();
    }

    /**
     * A connection came back (Lettuce reconnects by itself and subscribes again). Once both are up, this node reads
     * again from the database what other nodes may have changed meanwhile without being able to say so: sanctions,
     * channel roles and channel settings (accounts are read again within seconds anyway).
     */
    private void reconnected() {
        if (commands == null || subscription == null || !commands.isOpen() || !subscription.isOpen()) {
            return;
        }
        if (reachable.compareAndSet(false, true)) {
            log.info("Redis is back: reading shared state again");
            // not on Lettuce's event loop: these are database reads
            Thread.ofVirtual().name("safestream-cluster-resync").start(inbox::resynchronise);
        }
    }

    private static String redacted(String url) {
        return url.replaceAll("//[^@/]*@", "//***@");
    }

    @Override
    public void close() {
        inbox.close();
        RedisGiftLease lease;
        synchronized (this) {
            lease = giftLease;
        }
        if (lease != null) {
            lease.releaseAll();
        }
        subscription.close();
        commands.close();
        client.shutdown();
        resources.shutdown();
    }
}
