package dev.safestream.server.chat;

import dev.safestream.protocol.CloseCode;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** The single-node {@link ChannelBus}: delivers on the caller's thread and keeps each channel's history in memory. */
final class LocalBus implements ChannelBus {
    private final int kept;
    private final Clock clock;
    private final Map<String, ChannelHistory> histories = new ConcurrentHashMap<>();

    LocalBus(int kept, Clock clock) {
        this.kept = kept;
        this.clock = clock;
    }

    @Override
    public void publish(Channel channel, Audience audience, String user, Outgoing event) {
        if (audience.kept()) {
            history(channel).appendAndDeliver(channel, audience, event.json());
        } else {
            channel.deliverHere(audience, user, event);
        }
    }

    @Override
    public void close(Channel channel, String user, CloseCode code, String reason) {
        channel.closeHere(user, code, reason);
    }

    @Override
    public void sanctionChanged(Sanction sanction, boolean lifted) {
        // one node: its Sanctions already hold the change
    }

    @Override
    public boolean buildsModeratorEventsAlways() {
        return kept > 0;
    }

    @Override
    public CompletionStage<List<Outgoing>> replay(Channel channel, EventId since, boolean moderator) {
        return CompletableFuture.completedFuture(history(channel).after(since, moderator));
    }

    private ChannelHistory history(Channel channel) {
        return histories.computeIfAbsent(channel.name(), n -> new ChannelHistory(kept, clock));
    }
}
