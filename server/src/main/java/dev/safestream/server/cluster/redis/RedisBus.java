package dev.safestream.server.cluster.redis;

import dev.safestream.protocol.CloseCode;
import dev.safestream.protocol.cluster.CloseRequested;
import dev.safestream.protocol.cluster.EventRelayed;
import dev.safestream.server.fanout.Audience;
import dev.safestream.server.fanout.ChannelBus;
import dev.safestream.server.fanout.EventId;
import dev.safestream.server.fanout.LocalDelivery;
import dev.safestream.server.fanout.Outgoing;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@link ChannelBus} of cluster mode: an event is published once on {@code safestream:events} and every node,
 * this one included, delivers it to its own connections ({@link RedisCluster} receives). Events for everyone and for
 * the moderators are also appended to the channel's capped stream, for {@code since=}. While Redis is away, and for a
 * publish that fails, this node's connections still get the event.
 */
final class RedisBus implements ChannelBus {
    static final String HISTORY = "safestream:history:";
    /** How long an idle channel's stream is kept. */
    private static final long HISTORY_TTL_MILLIS = Duration.ofDays(1).toMillis();
    /**
     * Appends to the channel's stream and publishes {@code "<stream id> <message>"}, atomically, so stream order and
     * publish order agree. KEYS: stream, events channel. ARGV: max length ("0" keeps none), event JSON, message, TTL,
     * audience.
     */
    private static final String APPEND_AND_PUBLISH = "local trim = ARGV[1] == '0' and '=' or '~'"
            + " local id = redis.call('XADD', KEYS[1], 'MAXLEN', trim, ARGV[1], '*', 'e', ARGV[2], 'a', ARGV[5])"
            + " redis.call('PEXPIRE', KEYS[1], ARGV[4])"
            + " redis.call('PUBLISH', KEYS[2], id .. ' ' .. ARGV[3]) return id";

    private final RedisCluster cluster;
    private final StatefulRedisConnection<String, String> commands;
    private final AtomicReference<LocalDelivery> here;
    private final String nodeId;
    private final int kept;

    RedisBus(
            RedisCluster cluster,
            StatefulRedisConnection<String, String> commands,
            AtomicReference<LocalDelivery> here,
            String nodeId,
            int kept) {
        this.cluster = cluster;
        this.commands = commands;
        this.here = here;
        this.nodeId = nodeId;
        this.kept = kept;
    }

    @Override
    public void deliverTo(LocalDelivery local) {
        here.set(local);
    }

    @Override
    public void publish(String channel, Audience audience, String user, Outgoing event) {
        if (!cluster.linked()) {
            here.get().deliverHere(channel, audience, user, event);
            return;
        }
        EventRelayed message = new EventRelayed(nodeId, channel, user, audience.name(), event.json());
        CompletionStage<?> sent = audience.kept()
                ? appendAndPublish(channel, audience, event.json(), cluster.encode(message))
                : cluster.send(message);
        sent.exceptionally(e -> {
            // not sent (Redis went away meanwhile): this node's connections still get it
            here.get().deliverHere(channel, audience, user, event);
            return null;
        });
    }

    @Override
    public CompletionStage<List<Outgoing>> replay(String channel, EventId since, boolean moderator) {
        return commands.async()
                .xrange(HISTORY + channel, Range.create(since.toString(), "+"))
                .thenApply(entries -> entries.stream()
                        .filter(e -> moderator
                                || !Audience.MODERATORS
                                        .name()
                                        .equals(e.getBody().get("a")))
                        .map(e -> Outgoing.withId(e.getBody().get("e"), EventId.parse(e.getId())))
                        .filter(e -> e.id().isAfter(since))
                        .toList());
    }

    @Override
    public void close(String channel, String user, CloseCode code, String reason) {
        if (!cluster.linked()) {
            here.get().closeHere(channel, user, code, reason);
            return;
        }
        cluster.send(new CloseRequested(nodeId, channel, user, code.code(), reason))
                .exceptionally(e -> {
                    here.get().closeHere(channel, user, code, reason);
                    return null;
                });
    }

    @Override
    public boolean buildsModeratorEventsAlways() {
        return true;
    }

    private CompletionStage<Object> appendAndPublish(String channel, Audience audience, String event, String message) {
        return commands.async()
                .eval(
                        APPEND_AND_PUBLISH,
                        ScriptOutputType.VALUE,
                        new String[] {HISTORY + channel, RedisCluster.EVENTS},
                        Integer.toString(kept),
                        event,
                        message,
                        Long.toString(HISTORY_TTL_MILLIS),
                        audience.name())
                .whenComplete(RedisCluster::logFailure);
    }
}
