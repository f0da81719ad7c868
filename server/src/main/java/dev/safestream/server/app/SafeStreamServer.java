package dev.safestream.server.app;

import dev.safestream.protocol.ProtocolJson;
import dev.safestream.server.app.accounts.AccountsArea;
import dev.safestream.server.app.chat.ChatArea;
import dev.safestream.server.app.cluster.ClusterArea;
import dev.safestream.server.app.cluster.ClusterMode;
import dev.safestream.server.app.gifts.GiftsArea;
import dev.safestream.server.app.http.HttpArea;
import dev.safestream.server.app.moderation.ModerationArea;
import dev.safestream.server.app.runtime.RuntimeMeters;
import dev.safestream.server.app.runtime.Scheduler;
import dev.safestream.server.app.runtime.Telemetry;
import dev.safestream.server.app.storage.StorageArea;
import dev.safestream.server.app.websocket.WebSocketArea;
import dev.safestream.server.transport.http.ReadinessResource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The order in which the areas start and stop; each area builds its own parts from its own settings. Start it with
 * a {@link ServerConfig}, stop it with {@link #close()}. Tests start it on port 0 and read {@link #port()}.
 */
public final class SafeStreamServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SafeStreamServer.class);

    /** What to stop, the last started first. */
    private final Deque<AutoCloseable> started = new ArrayDeque<>();

    private final int port;

    private SafeStreamServer(ServerConfig config, PrintStream console) throws IOException {
        try {
            StorageArea storage = started(StorageArea.open(config.storage()));
            ProtocolJson json = new ProtocolJson();
            ClusterArea cluster = started(ClusterMode.start(config.cluster(), json.mapper()));
            Telemetry telemetry = Telemetry.create(cluster.node());
            AccountsArea accounts = new AccountsArea(
                    config.accounts(), storage, cluster, telemetry.limits(), console, config.demo(), config.clock());
            ModerationArea moderation = started(new ModerationArea(config.models(), config.filter()));
            ChatArea chat = new ChatArea(
                    config.chat(), storage, cluster, accounts, moderation, telemetry, json, config.clock());
            GiftsArea gifts =
                    new GiftsArea(config.gifts(), storage, cluster, accounts, chat, telemetry, config.clock());
            Supplier<Map<String, ReadinessResource.Check>> readiness = () -> Map.of(
                    "pipeline", check(chat.problem()),
                    "database", check(storage.problem()),
                    "model", check(moderation.problem()),
                    "cluster", check(cluster.problem()));
            HttpArea http = new HttpArea(config.http(), accounts, chat, gifts, telemetry, json, readiness);
            WebSocketArea websocket = new WebSocketArea(config.websocket(), http, accounts, chat, telemetry, json);

            started(new RuntimeMeters(telemetry.prometheus(), readiness));
            started(http);
            // stopped before the sockets: the messages still queued are stored and delivered before the 1001
            started(websocket);
            chat.start();
            started(chat);
            http.start();
            Scheduler scheduler = started(new Scheduler(telemetry.workers()));
            chat.schedule(scheduler);
            websocket.start(scheduler);
            gifts.start(scheduler);
            port = http.port();
            log.info(
                    "SafeStream listening on http://{}:{} (data in {})",
                    config.http().host(),
                    port,
                    config.storage().dataDir());
        } catch (IOException | RuntimeException e) {
            stopAll();
            throw e;
        }
    }

    public static SafeStreamServer start(ServerConfig config) {
        return start(config, System.out);
    }

    public static SafeStreamServer start(ServerConfig config, PrintStream console) {
        try {
            return new SafeStreamServer(config, console);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private <T extends AutoCloseable> T started(T area) {
        started.push(area);
        return area;
    }

    private static ReadinessResource.Check check(String problem) {
        return new ReadinessResource.Check(problem == null, problem);
    }

    public int port() {
        return port;
    }

    /**
     * Clean shutdown, the reverse of the start: stop timers, finish (store and deliver) every queued message, say
     * goodbye to clients with 1001, stop HTTP, release the models, disconnect from the cluster, close the database.
     */
    @Override
    public void close() {
        stopAll();
        log.info("SafeStream stopped");
    }

    private void stopAll() {
        while (!started.isEmpty()) {
            AutoCloseable area = started.pop();
            try {
                area.close();
            } catch (Exception e) {
                log.warn("Stopping {} failed", area.getClass().getSimpleName(), e);
            }
        }
    }
}
