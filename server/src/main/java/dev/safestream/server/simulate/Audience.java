package dev.safestream.server.simulate;

import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.SendChat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A simulated audience: bot viewers that register, connect, chat, send gifts and reactions, and now and then leave and
 * come back. Used by the {@code simulate} command and by {@code serve --demo} (in-process, against its own port).
 *
 * <p>Threads: one scheduler thread ({@code safestream-audience}) owns every decision and all bot bookkeeping; the HTTP
 * client's threads only complete requests and deliver frames, handing anything that changes a bot back to the
 * scheduler. Every tick draws how many messages and gifts are due from the configured rates, so the audience's load
 * does not depend on how many bots happen to be online.
 */
public final class Audience implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Audience.class);
    private static final long TICK_MILLIS = 200;
    /** Each online bot leaves on average once every this many seconds. */
    private static final double STAY_SECONDS = 120;

    private final AudienceSettings settings;
    private final ServerApi api;
    private final ProtocolJson json = new ProtocolJson();
    private final SplittableRandom random;
    private final ChatLines lines;
    private final List<Bot> bots = new ArrayList<>();
    private final ScheduledExecutorService scheduler;
    private volatile int[] giftIds = {1, 2, 3};
    private final AtomicLong chats = new AtomicLong();
    private final AtomicLong rude = new AtomicLong();
    private final AtomicLong gifts = new AtomicLong();
    private final AtomicLong returns = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();

    /** What the audience has done so far. */
    public record Summary(int online, int viewers, long chats, long rude, long gifts, long returns, long failures) {
        @Override
        public String toString() {
            return "%d/%d bots online, %d messages sent (%d meant rude), %d gifts, %d returns, %d failed requests"
                    .formatted(online, viewers, chats, rude, gifts, returns, failures);
        }
    }

    private Audience(AudienceSettings settings) {
        this.settings = settings;
        this.api = new ServerApi(settings.server(), json.mapper());
        this.random = new SplittableRandom(settings.seed());
        this.lines = new ChatLines(random.split(), settings.toxicRatio());
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("safestream-audience").daemon(true).factory());
        for (String name : BotNames.generate(settings.viewers(), settings.namePrefix(), random.split())) {
            Bot bot = new Bot(name, code -> scheduler.execute(() -> closedByServer(name, code)));
            bots.add(bot);
        }
    }

    /** Starts joining bots (staggered, like an audience arriving) and returns at once. */
    public static Audience start(AudienceSettings settings) {
        Audience audience = new Audience(settings);
        audience.api.giftIds().thenAccept(ids -> audience.giftIds = ids).exceptionally(e -> null);
        long now = System.currentTimeMillis();
        for (int i = 0; i < audience.bots.size(); i++) {
            audience.bots.get(i).returnAt = now + i * 150L + audience.random.nextLong(150);
        }
        audience.scheduler.scheduleAtFixedRate(audience::tick, 0, TICK_MILLIS, TimeUnit.MILLISECONDS);
        return audience;
    }

    public Summary summary() {
        int online = (int) bots.stream().filter(b -> b.state == Bot.State.LIVE).count();
        return new Summary(online, bots.size(), chats.get(), rude.get(), gifts.get(), returns.get(), failures.get());
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Bot bot : bots) {
            bot.state = Bot.State.RETIRED;
            bot.abort();
        }
    }

    private void tick() {
        try {
            long now = System.currentTimeMillis();
            for (Bot bot : bots) {
                if (bot.state == Bot.State.AWAY && now >= bot.returnAt) {
                    join(bot);
                } else if (bot.state == Bot.State.LIVE && random.nextDouble() < TICK_MILLIS / 1000.0 / STAY_SECONDS) {
                    bot.leave(now + 5_000 + random.nextLong(25_000));
                }
            }
            for (int n = eventsThisTick(settings.messagesPerSecond(), random); n > 0; n--) {
                chat();
            }
            for (int n = eventsThisTick(settings.giftsPerSecond(), random); n > 0; n--) {
                gift();
            }
        } catch (RuntimeException e) {
            log.warn("Audience tick failed", e);
        }
    }

    /**
     * How many events of a kind happen in one tick so that, on average, {@code perSecond} happen each second: the
     * whole part of the expected count, plus one more with the probability of the fraction.
     */
    static int eventsThisTick(double perSecond, RandomGenerator random) {
        double expected = perSecond * TICK_MILLIS / 1000.0;
        int whole = (int) expected;
        return whole + (random.nextDouble() < expected - whole ? 1 : 0);
    }

    private void join(Bot bot) {
        bot.state = Bot.State.JOINING;
        var token = bot.token != null
                ? CompletableFuture.completedFuture(bot.token)
                : api.token(bot.name, settings.password());
        token.thenCompose(t -> {
                    bot.token = t;
                    return api.connect(bot.name, t, settings.channel(), bot);
                })
                .whenComplete((ws, error) -> {
                    if (error != null) {
                        failures.incrementAndGet();
                        log.debug("Bot {} could not join", bot.name, error);
                        scheduler.execute(() -> awayFor(bot, 3_000, 12_000));
                    } else {
                        returns.incrementAndGet();
                    }
                });
    }

    /** The server ended a bot's connection: what a person would do next depends on why. */
    private void closedByServer(String name, int code) {
        Bot bot = bots.stream().filter(b -> b.name.equals(name)).findFirst().orElseThrow();
        switch (code) {
            case 4003 -> bot.state = Bot.State.RETIRED; // banned: gone for good
            case 4001 -> awayFor(bot, 20_000, 60_000); // kicked: sulk, then come back
            case 1008 -> {
                bot.token = null; // token expired: log in again
                awayFor(bot, 1_000, 3_000);
            }
            default -> awayFor(bot, 2_000, 8_000); // server restart, network trouble
        }
    }

    private void awayFor(Bot bot, long minMillis, long maxMillis) {
        if (bot.state == Bot.State.RETIRED) {
            return;
        }
        bot.state = Bot.State.AWAY;
        bot.returnAt = System.currentTimeMillis() + minMillis + random.nextLong(maxMillis - minMillis);
    }

    private void chat() {
        Instant now = Instant.now();
        List<Bot> speakers = bots.stream().filter(b -> b.mayChat(now)).toList();
        if (speakers.isEmpty()) {
            return;
        }
        Bot speaker = speakers.get(random.nextInt(speakers.size()));
        List<String> others = speakers.stream()
                .map(b -> b.name)
                .filter(n -> !n.equals(speaker.name))
                .limit(8)
                .toList();
        ChatLines.Line line = lines.next(others);
        speaker.send(json.encode(new SendChat(line.text())));
        chats.incrementAndGet();
        if (line.rude()) {
            rude.incrementAndGet();
        }
    }

    private void gift() {
        List<Bot> online = bots.stream().filter(b -> b.state == Bot.State.LIVE).toList();
        if (online.isEmpty()) {
            return;
        }
        Bot giver = online.get(random.nextInt(online.size()));
        int[] ids = giftIds;
        // cheap gifts are common, expensive ones rare
        int index = (int) Math.min(ids.length - 1, Math.floor(-Math.log(1 - random.nextDouble()) * 1.3));
        int giftId = ids[index];
        int amount = random.nextInt(4) == 0 ? 1 + random.nextInt(5) : 1;
        // now and then a streak of the same gift, which the viewer shows as a combo
        int repeats = random.nextInt(6) == 0 ? 3 : 1;
        for (int i = 0; i < repeats; i++) {
            scheduler.schedule(() -> sendGift(giver, giftId, amount), i * 500L, TimeUnit.MILLISECONDS);
        }
    }

    private void sendGift(Bot giver, int giftId, int amount) {
        String token = giver.token;
        if (token == null || giver.state != Bot.State.LIVE) {
            return;
        }
        api.gift(token, settings.channel(), giftId, amount).whenComplete((status, error) -> {
            if (error == null && status == 202) {
                gifts.incrementAndGet();
            } else {
                failures.incrementAndGet();
            }
        });
    }
}
