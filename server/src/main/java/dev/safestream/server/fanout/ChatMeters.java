package dev.safestream.server.fanout;

import dev.safestream.server.moderation.Decision;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The server's Micrometer meters, exported at {@code /metrics/prometheus}. */
public final class ChatMeters {
    private final AtomicInteger connections = new AtomicInteger();
    private final Counter messagesIn;
    private final Counter messagesOut;
    private final Counter deliveries;
    private final Counter drops;
    private final Counter rejected;
    private final Counter encoderSkipped;
    private final Counter encoderDeferred;
    private final Counter gifts;
    private final Timer moderationLatency;
    private final Map<Decision, Counter> decisions = new EnumMap<>(Decision.class);
    private final Map<Decision, Counter> shadowDecisions = new EnumMap<>(Decision.class);
    private final Counter shadowAgreed;
    private final Counter shadowDisagreed;
    private final Counter shadowSkipped;
    private final MeterRegistry registry;

    public ChatMeters(MeterRegistry registry) {
        this.registry = registry;
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
        encoderSkipped = Counter.builder("safestream_encoder_skipped")
                .description("uncertain messages that kept the fast model's verdict because the encoder was behind")
                .register(registry);
        encoderDeferred = Counter.builder("safestream_encoder_deferred")
                .description("uncertain messages handed to the sentence encoder for a second opinion")
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
        for (Decision d : Decision.values()) {
            decisions.put(
                    d,
                    Counter.builder("safestream_decisions")
                            .description("chat messages by moderation decision")
                            .tag("decision", d.wireName())
                            .register(registry));
            shadowDecisions.put(
                    d,
                    Counter.builder("safestream_shadow_decisions")
                            .description("what the shadow thresholds would have decided, by decision")
                            .tag("decision", d.wireName())
                            .register(registry));
        }
        shadowAgreed = shadowAgreement(registry, "true");
        shadowDisagreed = shadowAgreement(registry, "false");
        shadowSkipped = Counter.builder("safestream_shadow_skipped")
                .description("scored messages the shadow evaluator skipped because it was behind")
                .register(registry);
    }

    private static Counter shadowAgreement(MeterRegistry registry, String agree) {
        return Counter.builder("safestream_shadow_agreement")
                .description("scored messages where the shadow decision agreed with the live one")
                .tag("agree", agree)
                .register(registry);
    }

    /** Registers the held-queue size gauge, read when metrics are scraped. */
    public void heldQueue(Supplier<Number> size) {
        Gauge.builder("safestream_held_queue_size", size)
                .description("held messages waiting for a moderator")
                .register(registry);
    }

    public void decided(Decision decision) {
        decisions.get(decision).increment();
    }

    /** One shadow comparison: what the shadow thresholds decided and whether that agrees with the live decision. */
    public void shadow(Decision shadowDecision, boolean agree) {
        shadowDecisions.get(shadowDecision).increment();
        (agree ? shadowAgreed : shadowDisagreed).increment();
    }

    public void shadowSkipped(int count) {
        shadowSkipped.increment(count);
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

    public void messageIn() {
        messagesIn.increment();
    }

    public void messageOut() {
        messagesOut.increment();
    }

    void delivered(int count) {
        deliveries.increment(count);
    }

    public void slowConsumerDropped() {
        drops.increment();
    }

    public void rejected() {
        rejected.increment();
    }

    public void gift() {
        gifts.increment();
    }

    public void encoderSkipped() {
        encoderSkipped.increment();
    }

    public void encoderDeferred() {
        encoderDeferred.increment();
    }

    public void moderated(long nanos) {
        moderationLatency.record(Duration.ofNanos(nanos));
    }
}
