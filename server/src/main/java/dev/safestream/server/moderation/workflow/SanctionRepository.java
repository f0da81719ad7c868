package dev.safestream.server.moderation.workflow;

import java.time.Instant;
import java.util.List;

/** Durable mutes and bans. Implemented by persistence. */
public interface SanctionRepository {
    /** Sanctions still in force at {@code now}. */
    List<Sanction> active(Instant now);

    /** Inserts or replaces the sanction of that kind for that user and channel. */
    void put(Sanction sanction);

    void remove(String channel, String username, Sanction.Kind kind);
}
