package dev.safestream.server.simulate;

import java.net.URI;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code simulate}: a demo audience against a running server, until Ctrl-C or {@code --duration}. Prints what the
 * audience did every {@code --report-every} seconds.
 */
@Command(
        name = "simulate",
        mixinStandardHelpOptions = true,
        description = "Run bot viewers that register, chat (some rudely), send gifts and reactions, leave and return.",
        showDefaultValues = true)
public final class SimulateCommand implements Callable<Integer> {
    @Option(names = "--url", defaultValue = "http://127.0.0.1:8000", description = "The server's HTTP root.")
    URI url;

    @Option(names = "--viewers", defaultValue = "50", description = "Bot viewers.")
    int viewers;

    @Option(names = "--rate", defaultValue = "5", description = "Chat messages per second, whole audience.")
    double rate;

    @Option(names = "--toxic-ratio", defaultValue = "0.1", description = "Share of rude or obfuscated messages.")
    double toxicRatio;

    @Option(
            names = "--gift-rate",
            defaultValue = "0.2",
            description =
                    "Gifts per second, whole audience (about one in six becomes a streak of three, shown as a combo).")
    double giftRate;

    @Option(names = "--channel", defaultValue = "main", description = "Channel to join.")
    String channel;

    @Option(names = "--name-prefix", defaultValue = "", description = "Prefix for bot usernames.")
    String namePrefix;

    @Option(
            names = "--bot-password",
            defaultValue = "${env:SIMULATE_BOT_PASSWORD:-simulated-viewer}",
            description = "Password of every bot account; bots log in with it when their name exists"
                    + " (SIMULATE_BOT_PASSWORD).")
    String botPassword;

    @Option(names = "--seed", description = "Random seed, to repeat a run (default: random).")
    Long seed;

    @Option(names = "--duration", description = "Stop after this many seconds (default: until Ctrl-C).")
    Long durationSeconds;

    @Option(names = "--report-every", defaultValue = "10", description = "Seconds between progress lines.")
    long reportEverySeconds;

    @Override
    public Integer call() throws InterruptedException {
        AudienceSettings settings = new AudienceSettings(
                url,
                viewers,
                rate,
                toxicRatio,
                giftRate,
                channel,
                namePrefix,
                botPassword,
                seed == null ? System.nanoTime() : seed);
        Audience audience = Audience.start(settings);
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().unstarted(() -> {
            audience.close();
            stop.countDown();
        }));
        System.out.printf("Simulating %d viewers on %s (channel %s)%n", viewers, url, channel);
        long deadline = durationSeconds == null
                ? Long.MAX_VALUE
                : System.nanoTime() + Duration.ofSeconds(durationSeconds).toNanos();
        long every = Math.max(1, reportEverySeconds);
        while (!stop.await(every, TimeUnit.SECONDS)) {
            System.out.println(audience.summary());
            if (System.nanoTime() - deadline >= 0) {
                break;
            }
        }
        audience.close();
        System.out.println("Done: " + audience.summary());
        return 0;
    }
}
