package dev.safestream.server.limits;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;

/** {@code safestream_limit_rejections_total{limit}}: requests, connections and frames refused by each limit. */
public final class LimitMeters {
    private final Map<Limit, Counter> rejections = new EnumMap<>(Limit.class);

    public LimitMeters(MeterRegistry registry) {
        for (Limit limit : Limit.values()) {
            rejections.put(
                    limit,
                    Counter.builder("safestream_limit_rejections")
                            .description("requests, connections and frames refused by a limit, by limit")
                            .tag("limit", limit.tag())
                            .register(registry));
        }
    }

    public void rejected(Limit limit) {
        rejections.get(limit).increment();
    }
}
