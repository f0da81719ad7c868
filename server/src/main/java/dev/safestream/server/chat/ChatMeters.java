package dev.safestream.server.chat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/** The server's Micrometer meters, exported at {@code /metrics/prometheus}. */
public final class ChatMeters {
    private final AtomicInteger connections = new AtomicInteger();
    private final Counter messagesIn;
    private final Counter messagesOut;
    private final Counter deliveries;
    private final Counter drops;
    private final Counter rejected;
    private final Counter gifts;
    private final Timer moderationLatency;

    public ChatMeters(MeterRegistry registry) {
        registry.gauge("safestream_connections", connections);
        messagesIn = Counter.builder("safestream_messages_in")
                .description("chat messages accepted from clients")
                .register(registry);
        messagesOut = Counter.builder("safestream_messages_out")
                .description("chat messages broadcast after moderation")
                .register(registry);
        deliveries = Counter.builder("safestream_deliveries")
                .description("frames queued to client outboxes")
                .register(registry);
        drops = Counter.builder("safestream_slow_consumer_drops")
                .description("connections closed because their outbox overflowed")
                .register(registry);
        rejected = Counter.builder("safestream_messages_rejected")
                .description("chat frames refused (invalid, rate-limited, muted, overloaded)")
                .register(registry);
        gifts = Counter.builder("safestream_gifts")
                .description("gifts broadcast")
                .register(registry);
        moderationLatency = Timer.builder("safestream_moderation_latency")
                .description("time from receiving a message to broadcasting it (classify + store)")
                .publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofNanos(10_000))
                .maximumExpectedValue(Duration.ofSeconds(5))
                .register(registry);
    }

    public void connectionOpened() {
        connections.incrementAndGet();
    }

    public void connectionClosed() {
        connections.decrementAndGet();
    }

    public int connections() {
        return connections.get();
    }

    void messageIn() {
        messagesIn.increment();
    }

    void messageOut() {
        messagesOut.increment();
    }

    void delivered(int count) {
        deliveries.increment(count);
    }

    public void slowConsumerDropped() {
        drops.increment();
    }

    void rejected() {
        rejected.increment();
    }

    public void gift() {
        gifts.increment();
    }

    void moderated(long nanos) {
        moderationLatency.record(Duration.ofNanos(nanos));
    }
}
