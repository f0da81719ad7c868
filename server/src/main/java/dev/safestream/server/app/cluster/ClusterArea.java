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

/**
 * What running alone or in a cluster changes: where events travel, where budgets are counted, who numbers messages
 * and produces gifts. Choosing the mode is choosing one of the two implementations, once, in
 * {@link ClusterMode#start}.
 */
public interface ClusterArea extends AutoCloseable {
    /** This node's name in a cluster (every metric carries it), or empty when it runs alone. */
    Optional<String> node();

    /** Where a budget (logins, registrations, guest tokens, chat) is counted. */
    BucketStore limits();

    /** The channels' bus; {@code kept} events per channel stay for catch-up. */
    ChannelBus bus(int kept, Clock clock);

    /** The cluster's shared message counter, or null: alone, the pipeline counts in memory. */
    MessageIds sharedMessageIds(Database database);

    /** Lets the other nodes' events, sanctions and changes reach this node's parts. Alone: nothing to do. */
    void connect(Channels channels, Sanctions sanctions, Pins pins, AccountStates accounts, ChannelDirectory directory);

    /** Tells the other nodes of sanctions imposed and lifted here. */
    SanctionBroadcast sanctions();

    /** The channels' figures summed over the nodes; stale after {@code staleAfter}. */
    FigureExchange figures(Duration staleAfter);

    /** Which node produces a channel's simulated gifts. */
    ProducerLease giftLease(Duration ttl);

    /** Null while the cluster's store answers, else what is wrong (for /readyz). */
    String problem();

    @Override
    void close();
}
