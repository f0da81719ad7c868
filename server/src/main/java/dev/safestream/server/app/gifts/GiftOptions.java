package dev.safestream.server.app.gifts;

import dev.safestream.server.app.cli.Seconds;
import dev.safestream.server.gifts.GiftSettings;
import java.time.Duration;
import picocli.CommandLine.Option;

/** Gifts: the simulated ones, off in production. */
public final class GiftOptions {
    /** The simulated gifts' interval with --demo, when GIFT_INTERVAL_SECS does not say. */
    public static final Duration DEMO_INTERVAL = Duration.ofSeconds(15);

    @Option(
            names = "--gift-interval-secs",
            defaultValue = "${env:GIFT_INTERVAL_SECS}",
            converter = Seconds.class,
            description = "A simulated gift every N s ± 20 %%, labelled as simulated (GIFT_INTERVAL_SECS); default 0"
                    + " (off), 15 with --demo.")
    public Duration interval;

    /** These settings; without --gift-interval-secs, {@code defaultInterval}. */
    public GiftSettings settings(Duration defaultInterval) {
        return new GiftSettings(interval != null ? interval : defaultInterval);
    }
}
