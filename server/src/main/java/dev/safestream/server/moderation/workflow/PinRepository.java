package dev.safestream.server.moderation.workflow;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Each channel's pinned message. Implemented by persistence. */
public interface PinRepository {
    /** Every channel's pin whose message viewers can still see. */
    List<Pin> all();

    Optional<Pin> find(String channel);

    /** Pins {@code messageId} in {@code channel}, replacing the channel's pin. */
    void put(String channel, long messageId, String pinnedBy, Instant at);

    /** @return whether the channel had a pin */
    boolean remove(String channel);
}
