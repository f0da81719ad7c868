package dev.safestream.server.moderation.workflow;

/**
 * Tells the other nodes that a sanction was imposed or lifted here (and stored), so they update the sanctions they keep
 * in memory. One node: nobody to tell ({@link #ALONE}).
 */
@FunctionalInterface
public interface SanctionBroadcast {
    SanctionBroadcast ALONE = (sanction, lifted) -> {};

    void changed(Sanction sanction, boolean lifted);
}
