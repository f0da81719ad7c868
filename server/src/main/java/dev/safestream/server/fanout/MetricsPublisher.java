package dev.safestream.server.fanout;

import dev.safestream.protocol.MetricsPublished;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes each channel's figures to its viewers. Called periodically by the server's scheduler thread. In cluster mode
 * the figures are the sums over the nodes: each run reports this node's to the {@link FigureExchange} first (and a
 * last zero for channels it no longer has viewers in).
 */
public final class MetricsPublisher implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(MetricsPublisher.class);
    private final Channels channels;
    private final FigureExchange exchange;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();

    public MetricsPublisher(Channels channels, FigureExchange exchange) {
        this.channels = channels;
        this.exchange = exchange;
    }

    @Override
    public void run() {
        Map<String, Figures> local = new HashMap<>();
        for (Channel channel : channels.all()) {
            if (channel.viewerCount() > 0 || reported.contains(channel.name())) {
                local.put(channel.name(), channel.localFigures());
            }
        }
        Map<String, Figures> totals = local;
        if (exchange != FigureExchange.ALONE && !local.isEmpty()) {
            try {
                totals = exchange.totals(local);
            } catch (RuntimeException e) {
                log.debug("Cluster figures unavailable; showing this node's: {}", e.toString());
            }
        }
        for (Map.Entry<String, Figures> entry : local.entrySet()) {
            Channel channel = channels.get(entry.getKey());
            if (exchange != FigureExchange.ALONE) {
                channel.clusterFigures(totals.getOrDefault(entry.getKey(), entry.getValue()));
            }
            if (channel.viewerCount() > 0) {
                reported.add(channel.name());
                channel.broadcastHere(snapshot(channel));
            } else {
                reported.remove(channel.name());
            }
        }
    }

    public static MetricsPublished snapshot(Channel channel) {
        Figures f = channel.figures();
        return new MetricsPublished((int) f.viewers(), f.gifts(), f.toxicPercent(), channel.name());
    }
}
