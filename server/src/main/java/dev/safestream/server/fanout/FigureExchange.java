package dev.safestream.server.fanout;

import java.util.Map;

/**
 * Turns this node's figures per channel into the cluster's: each node reports its own and gets the sums back (Redis in
 * cluster mode; one node alone just keeps its own). Called by {@link MetricsPublisher} on the scheduler thread, once
 * per metrics interval; may make one round trip.
 */
@FunctionalInterface
public interface FigureExchange {
    /** @return the totals for the channels of {@code local}, by channel name */
    Map<String, Figures> totals(Map<String, Figures> local);

    FigureExchange ALONE = local -> local;
}
