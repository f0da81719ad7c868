package dev.safestream.server.gifts;

import dev.safestream.server.chat.Channel;
import dev.safestream.server.chat.Channels;
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
 * the injected clock: the scheduler calls {@link #run()} once a second, and tests call it after moving the clock.
 */
public final class RandomGiftProducer implements Runnable {
    private static final Logger log = LoggerFactory.getLogger(RandomGiftProducer.class);

    private final GiftService gifts;
    private final Channels channels;
    private final Duration interval;
    private final Clock clock;
    private final RandomGenerator random;
    private final Map<String, Instant> due = new ConcurrentHashMap<>();

    public RandomGiftProducer(
            GiftService gifts, Channels channels, Duration interval, Clock clock, RandomGenerator random) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("interval must be positive; disable the producer instead");
        }
        this.gifts = gifts;
        this.channels = channels;
        this.interval = interval;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public void run() {
        Instant now = clock.instant();
        for (Channel channel : channels.all()) {
            if (channel.viewerCount() == 0) {
                continue;
            }
            Instant next = due.computeIfAbsent(channel.name(), c -> now.plus(jittered()));
            if (!now.isBefore(next)) {
                due.put(channel.name(), now.plus(jittered()));
                try {
                    List<Gift> all = gifts.catalogue().all();
                    Gift gift = all.get(random.nextInt(all.size()));
                    gifts.emit(channel, "bot", gift.id(), 1 + random.nextInt(5));
                } catch (RuntimeException e) {
                    log.warn("Random gift for channel {} failed", channel.name(), e);
                }
            }
        }
    }

    private Duration jittered() {
        long millis = interval.toMillis();
        long jitter = millis / 5;
        return Duration.ofMillis(millis - jitter + random.nextLong(2 * jitter + 1));
    }
}
