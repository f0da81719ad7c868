package dev.safestream.server.gifts;

import dev.safestream.server.fanout.Channel;
import dev.safestream.server.fanout.Channels;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a random gift from {@code bot} to every channel with viewers, every {@code interval} ± 20 %. Time comes from
 * the injected clock: the scheduler calls {@link #run()} once a second, and tests call it after moving the clock. In a
 * cluster only the node holding a channel's {@link ProducerLease} sends its gifts.
 */
public final class RandomGiftProducer implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RandomGiftProducer.class);

    private final GiftService gifts;
    private final Channels channels;
    private final Duration interval;
    private final Clock clock;
    private final RandomGenerator random;
    private final Map<String, Instant> due = new ConcurrentHashMap<>();
    private final ProducerLease lease;
    private volatile int producing;

    public RandomGiftProducer(
            GiftService gifts,
            Channels channels,
            Duration interval,
            Clock clock,
            RandomGenerator random,
            ProducerLease lease) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive; disable the producer instead");
        }
        this.gifts = gifts;
        this.channels = channels;
        this.interval = interval;
        this.clock = clock;
        this.random = random;
        this.lease = lease;
    }

    /** Channels this node sent gifts for (held the lease on) in its last run. */
    public int producing() {
        return producing;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        int held = 0;
        for (Channel channel : channels.all()) {
            if (channel.viewerCount() == 0 || !holds(channel)) {
                continue;
            }
            held++;
            Instant next = due.computeIfAbsent(channel.name(), c -> now.plus(jittered()));
            if (!now.isBefore(next)) {
                due.put(channel.name(), now.plus(jittered()));
                try {
                    List<Gift> all = gifts.catalogue().all();
                    Gift gift = all.get(random.nextInt(all.size()));
                    gifts.emit(channel, "bot", gift.id(), 1 + random.nextInt(5), true);
                } catch (RuntimeException e) {
                    log.warn("Random gift for channel {} failed", channel.name(), e);
                }
            }
        }
        producing = held;
    }

    private boolean holds(Channel channel) {
        try {
            return lease.hold(channel.name());
        } catch (RuntimeException e) {
            log.debug("No gift lease for channel {}: {}", channel.name(), e.toString());
            return false;
        }
    }

    private Duration jittered() {
        long millis = interval.toMillis();
        long jitter = millis / 5;
        return Duration.ofMillis(millis - jitter + random.nextLong(2 * jitter + 1));
    }
}
