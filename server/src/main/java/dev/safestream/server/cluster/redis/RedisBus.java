package dev.safestream.server.cluster.redis;

import dev.safestream.protocol.CloseCode;
import dev.safestream.protocol.cluster.CloseRequested;
import dev.safestream.protocol.cluster.EventRelayed;
import dev.safestream.server.fanout.Audience;
import dev.safestream.server.fanout.ChannelBus;
import dev.safestream.server.fanout.EventId;
import dev.safestream.server.fanout.LocalDelivery;
import dev.safestream.server.fanout.Outgoing;
import dev.safestream.server.fanout.Removal;
import io.lettuce.core.Range;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link ChannelBus} of cluster mode: an event is published once on {@code safestream:events} and every node,
 * this one included, delivers it to its own connections ({@link RedisCluster} receives). Events for everyone and for
 * the moderators are also appended to the channel's capped stream, for {@code since=}. While Redis is away, and for a
 * publish that fails, this node's connections still get the event.
 */
final class RedisBus implements ChannelBus {
    private static final Logger log = LoggerFactory.getLogger(RedisBus.class);
    static final String HISTORY = "safestream:history:";
    /** How long an idle channel's stream is kept. */
    private static final long HISTORY_TTL_MILLIS = Duration.ofDays(1).toMillis();
    /**
     * Appends to the channel's stream and publishes {@code "<stream id> <message>"}, atomically, so stream order and
     * publish order agree. KEYS: stream, events channel. ARGV: max length ("0" keeps none), event JSON, message, TTL,
     * audience, the chat message's id and author ("" for other events; what {@link #FORGET} matches).
     */
    private static final String APPEND_AND_PUBLISH = "local trim = ARGV[1] == '0' and '=' or '~'"
            + " local id = redis.call('XADD', KEYS[1], 'MAXLEN', trim, ARGV[1], '*', 'e', ARGV[2], 'a', ARGV[5],"
            + " 'm', ARGV[6], 'u', ARGV[7])"
            + " redis.call('PEXPIRE', KEYS[1], ARGV[4])"
            + " redis.call('PUBLISH', KEYS[2], id .. ' ' .. ARGV[3]) return id";

    /**
     * Deletes a channel's kept chat events for everyone that a {@link Removal} names. KEYS: stream. ARGV: the author
     * ("" for none), then message ids. Returns how many went. Moderator-only events stay.
     */
    private static final String FORGET = "local n = 0"
            + " for _, e in ipairs(redis.call('XRANGE', KEYS[1], '-', '+')) do"
            + " local f = e[2] local m, u, a = '', '', ''"
            + " for i = 1, #f, 2 do"
            + " if f[i] == 'm' then m = f[i + 1] elseif f[i] == 'u' then u = f[i + 1] elseif f[i] == 'a' then"
            + " a = f[i + 1] end end"
            + " if m ~= '' and a ~= 'MODERATORS' then"
            + " local hit = ARGV[1] ~= '' and u == ARGV[1]"
            + " for j = 2, #ARGV do if ARGV[j] == m then hit = true end end"
            + " if hit then redis.call('XDEL', KEYS[1], e[1]) n = n + 1 end end end"
            + " return n";

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
                ? appendAndPublish(channel, audience, event, cluster.encode(message))
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

    private CompletionStage<Object> appendAndPublish(
            String channel, Audience audience, Outgoing event, String message) {
        return commands.async()
                .eval(
                        APPEND_AND_PUBLISH,
                        ScriptOutputType.VALUE,
                        new String[] {HISTORY + channel, RedisCluster.EVENTS},
                        Integer.toString(kept),
                        event.json(),
                        message,
                        Long.toString(HISTORY_TTL_MILLIS),
                        audience.name(),
                        event.messageId() == 0 ? "" : Long.toString(event.messageId()),
                        event.author() == null ? "" : event.author())
                .whenComplete(RedisCluster::logFailure);
    }

    /**
     * Waits for the stream (a moderator's action, at human speed) so that the removal is in place before it is
     * announced; a failure is logged, and the events then age out of the capped stream.
     */
    @Override
    public void forget(String channel, Removal removal) {
        String[] args = new String[removal.messageIds().size() + 1];
        args[0] = removal.author() == null ? "" : removal.author();
        int i = 1;
        for (long id : removal.messageIds()) {
            args[i++] = Long.toString(id);
        }
        try {
            commands.sync().eval(FORGET, ScriptOutputType.INTEGER, new String[] {HISTORY + channel}, args);
        } catch (RuntimeException e) {
            log.warn("Could not take removed messages out of #{}'s catch-up history: {}", channel, e.toString());
        }
    }
}
