package dev.safestream.server.cluster.redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import dev.safestream.protocol.CloseCode;
import dev.safestream.protocol.cluster.CloseRequested;
import dev.safestream.protocol.cluster.EventRelayed;
import dev.safestream.protocol.cluster.NodeMessage;
import dev.safestream.protocol.cluster.SanctionChanged;
import dev.safestream.protocol.cluster.StateChanged;
import dev.safestream.server.auth.AccountStates;
import dev.safestream.server.auth.ChannelDirectory;
import dev.safestream.server.auth.SharedChanges;
import dev.safestream.server.fanout.Audience;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.EventId;
import dev.safestream.server.fanout.LocalDelivery;
import dev.safestream.server.fanout.Outgoing;
import dev.safestream.server.moderation.workflow.Pins;
import dev.safestream.server.moderation.workflow.Sanction;
import dev.safestream.server.moderation.workflow.Sanctions;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the other nodes say ({@link NodeMessage}s on {@code safestream:events}), handed to this node's parts. Events
 * and closes go to this node's connections and sanction changes to its memory, on Lettuce's thread; changes that need
 * the database read again go to {@code safestream-cluster-changes}, one at a time in the order they came.
 */
final class RedisInbox implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RedisInbox.class);

    private final String nodeId;
    private final ObjectMapper mapper;
    private final AtomicReference<LocalDelivery> here;
    private final ExecutorService rereads = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("safestream-cluster-changes").daemon(true).factory());
    private volatile Channels channels;
    private volatile Sanctions sanctions;
    private volatile Pins pins;
    private volatile AccountStates accounts;
    private volatile ChannelDirectory directory;

    RedisInbox(String nodeId, ObjectMapper mapper, AtomicReference<LocalDelivery> here) {
        this.nodeId = nodeId;
        this.mapper = mapper;
        this.here = here;
    }

    void attach(Channels channels, Sanctions sanctions, Pins pins, AccountStates accounts, ChannelDirectory directory) {
        this.channels = channels;
        this.sanctions = sanctions;
        this.pins = pins;
        this.accounts = accounts;
        this.directory = directory;
    }

    /** A cluster message; events for everyone come as {@code "<event id> <message>"}. Lettuce's thread. */
    void receive(String raw) {
        try {
            EventId eventId = null;
            int space = raw.indexOf(' ');
            if (!raw.startsWith("{") && space > 0) {
                eventId = EventId.parse(raw.substring(0, space));
                raw = raw.substring(space + 1);
            }
            NodeMessage message = mapper.readValue(raw, NodeMessage.class);
            // this node applied its own sanctions and changes already
            boolean mine = nodeId.equals(message.node());
            switch (message) {
                case EventRelayed event -> onEvent(event, eventId);
                case CloseRequested close ->
                    here.get().closeHere(close.channel(), close.user(), CloseCode.of(close.code()), close.reason());
                case SanctionChanged sanction -> {
                    if (!mine) {
                        onSanction(sanction);
                    }
                }
                case StateChanged changed -> {
                    if (!mine) {
                        SharedChanges.Kind kind = SharedChanges.Kind.valueOf(changed.what());
                        rereads.execute(() -> reread(kind, changed.key()));
                    }
                }
            }
        } catch (InvalidTypeIdException unknownKind) {
            log.debug("Ignoring a cluster message of a kind this node does not know: {}", unknownKind.getTypeId());
        } catch (Exception e) {
            // one bad message must not stop the subscription
            log.warn("Could not handle a cluster message", e);
        }
    }

    /** Reads again what other nodes may have changed while Redis was away and they could not say so. */
    void resynchronise() {
        try {
            if (sanctions != null) {
                sanctions.reload();
                directory.changedElsewhere();
                channels.reloadSettings();
                pins.reload();
            }
        } catch (RuntimeException e) {
            log.warn("Reading shared state again after the Redis outage failed", e);
        }
    }

    private void onEvent(EventRelayed m, EventId eventId) {
        here.get()
                .deliverHere(
                        m.channel(),
                        Audience.valueOf(m.audience()),
                        m.user(),
                        eventId == null ? new Outgoing(m.event()) : Outgoing.withId(m.event(), eventId));
    }

    private void onSanction(SanctionChanged m) {
        Sanction sanction = new Sanction(
                m.channel(), m.user(), Sanction.Kind.valueOf(m.sanction()), m.until(), m.reason(), m.issuedBy());
        sanctions.changedElsewhere(sanction, m.lifted());
    }

    private void reread(SharedChanges.Kind kind, String key) {
        try {
            switch (kind) {
                case ACCOUNT -> accounts.changedElsewhere(key);
                case CHANNEL_SETTINGS -> channels.settingsChangedElsewhere(key);
                case CHANNEL_FIGURES -> channels.figuresResetElsewhere(key);
                case CHANNEL_PIN -> pins.changedElsewhere(key);
                // the user's sockets in the channel close through the bus (ChannelAdministration), after this message
                case CHANNEL_ROLES -> directory.changedElsewhere();
            }
        } catch (RuntimeException e) {
            // one failed re-read must not stop the next; the resynchronisation after an outage reads everything
            log.warn("Reading {} {} again after another node changed it failed", kind, key, e);
        }
    }

    @Override
    public void close() {
        rereads.shutdownNow();
    }
}
