package dev.safestream.server.fanout;

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
    private volatile LocalDelivery here;

    LocalBus(int kept, Clock clock) {
        this.kept = kept;
        this.clock = clock;
    }

    @Override
    public void deliverTo(LocalDelivery here) {
        this.here = here;
    }

    @Override
    public void publish(String channel, Audience audience, String user, Outgoing event) {
        if (audience.kept()) {
            history(channel).appendAndDeliver(here, channel, audience, event);
        } else {
            here.deliverHere(channel, audience, user, event);
        }
    }

    @Override
    public void forget(String channel, Removal removal) {
        ChannelHistory history = histories.get(channel);
        if (history != null) {
            history.forget(removal);
        }
    }

    @Override
    public void close(String channel, String user, CloseCode code, String reason) {
        here.closeHere(channel, user, code, reason);
    }

    @Override
    public boolean buildsModeratorEventsAlways() {
        return kept > 0;
    }

    @Override
    public CompletionStage<List<Outgoing>> replay(String channel, EventId since, boolean moderator) {
        return CompletableFuture.completedFuture(history(channel).after(since, moderator));
    }

    private ChannelHistory history(String channel) {
        return histories.computeIfAbsent(channel, n -> new ChannelHistory(kept, clock));
    }
}
