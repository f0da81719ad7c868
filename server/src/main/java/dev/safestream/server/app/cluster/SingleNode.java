package dev.safestream.server.app.cluster;

import dev.safestream.server.auth.AccountStates;
import dev.safestream.server.auth.ChannelDirectory;
import dev.safestream.server.chat.MessageIds;
import dev.safestream.server.fanout.ChannelBus;
import dev.safestream.server.fanout.Channels;
import dev.safestream.server.fanout.FigureExchange;
import dev.safestream.server.gifts.ProducerLease;
import dev.safestream.server.limits.BucketStore;
import dev.safestream.server.moderation.workflow.Pins;
import dev.safestream.server.moderation.workflow.SanctionBroadcast;
import dev.safestream.server.moderation.workflow.Sanctions;
import dev.safestream.server.persistence.Database;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

/** One node: everything in this process's memory. */
final class SingleNode implements ClusterArea {
    /** Keys one budget keeps (client addresses, accounts) before it starts afresh: bounded memory. */
    private static final int BUCKETS_PER_LIMIT = 100_000;

    @Override
    public Optional<String> node() {
        return Optional.empty();
    }

    @Override
    public BucketStore limits() {
        return BucketStore.inMemory(BUCKETS_PER_LIMIT);
    }

    @Override
    public ChannelBus bus(int kept, Clock clock) {
        return ChannelBus.local(kept, clock);
    }

    @Override
    public MessageIds sharedMessageIds(Database database) {
        return null;
    }

    @Override
    public void connect(
            Channels channels, Sanctions sanctions, Pins pins, AccountStates accounts, ChannelDirectory directory) {}

    @Override
    public SanctionBroadcast sanctions() {
        return SanctionBroadcast.ALONE;
    }

    @Override
    public FigureExchange figures(Duration staleAfter) {
        return FigureExchange.ALONE;
    }

    @Override
    public ProducerLease giftLease(Duration ttl) {
        return ProducerLease.ALONE;
    }

    @Override
    public String problem() {
        return null;
    }

    @Override
    public void close() {}
}
