package dev.safestream.server.app.gifts;

import dev.safestream.server.app.accounts.AccountsArea;
import dev.safestream.server.app.chat.ChatArea;
import dev.safestream.server.app.cluster.ClusterArea;
import dev.safestream.server.app.runtime.Scheduler;
import dev.safestream.server.app.runtime.Telemetry;
import dev.safestream.server.app.storage.StorageArea;
import dev.safestream.server.gifts.GiftCatalogue;
import dev.safestream.server.gifts.GiftRepository;
import dev.safestream.server.gifts.GiftService;
import dev.safestream.server.gifts.GiftSettings;
import dev.safestream.server.gifts.RandomGiftProducer;
import dev.safestream.server.persistence.JdbcGiftRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.SplittableRandom;

/** Gifts, and the simulated ones when GIFT_INTERVAL_SECS (or the demo) asks for them. */
public final class GiftsArea {
    /** How long a gift lease outlives its node: another node takes over the channel's gifts within this. */
    private static final Duration LEASE_TTL = Duration.ofSeconds(5);

    private final GiftRepository history;
    private final GiftService gifts;
    private final RandomGiftProducer producer;

    public GiftsArea(
            GiftSettings settings,
            StorageArea storage,
            ClusterArea cluster,
            AccountsArea accounts,
            ChatArea chat,
            Telemetry telemetry,
            Clock clock) {
        history = new JdbcGiftRepository(storage.database());
        gifts = new GiftService(
                GiftCatalogue.standard(),
                history,
                chat.channels(),
                accounts.authorizer(),
                telemetry.chat(),
                clock,
                chat.sanctions(),
                chat.channelOpen());
        producer = settings.simulating()
                ? new RandomGiftProducer(
                        gifts,
                        chat.channels(),
                        settings.simulatedInterval(),
                        clock,
                        new SplittableRandom(),
                        cluster.giftLease(LEASE_TTL))
                : null;
        if (producer != null) {
            telemetry.prometheus().gauge("safestream_gift_producer_channels", producer, RandomGiftProducer::producing);
        }
    }

    /** Starts the simulated gifts, if any: the producer looks every second for channels whose gift is due. */
    public void start(Scheduler scheduler) {
        if (producer != null) {
            scheduler.every(Duration.ofSeconds(1), producer);
        }
    }

    public GiftService gifts() {
        return gifts;
    }

    public GiftRepository history() {
        return history;
    }
}
