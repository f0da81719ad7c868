package dev.safestream.server.app.runtime;

import dev.safestream.server.fanout.ChatMeters;
import dev.safestream.server.limits.LimitMeters;
import dev.safestream.server.workers.WorkerMeters;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.Optional;

/**
 * The one meter registry every area counts in ({@code /metrics/prometheus}), and the meter groups they share.
 *
 * @param prometheus the registry; in a cluster every series carries the label {@code node}
 */
public record Telemetry(PrometheusMeterRegistry prometheus, ChatMeters chat, WorkerMeters workers, LimitMeters limits) {

    /** A fresh registry; {@code node}, when present, labels every series (each node is its own scrape target). */
    public static Telemetry create(Optional<String> node) {
        PrometheusMeterRegistry prometheus = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        node.ifPresent(name -> prometheus.config().commonTags("node", name));
        return new Telemetry(
                prometheus, new ChatMeters(prometheus), new WorkerMeters(prometheus), new LimitMeters(prometheus));
    }
}
