package dev.safestream.server.gifts;

/**
 * Which node sends a channel's random gifts. One node alone always does ({@link #ALONE}); in a cluster exactly one
 * node per channel holds a lease in Redis, renews it while it runs, and loses it when it stops renewing, so another
 * node with viewers in that channel takes over within the lease's time to live.
 *
 * <p>Called once a second per channel from the scheduler thread; may make one short round trip.
 */
public interface ProducerLease {
    /** Takes or renews this node's lease on {@code channel}; false when another node holds it (or Redis is away). */
    boolean hold(String channel);

    ProducerLease ALONE = channel -> true;
}
