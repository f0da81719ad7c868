package dev.safestream.server.gifts;

import dev.safestream.protocol.GiftSent;
import java.util.List;

/** Durable gift history. Implemented by persistence. */
public interface GiftRepository {
    void save(GiftSent gift);

    /** Newest gifts of a channel, oldest first. */
    List<GiftSent> recent(String channel, int limit);
}
