package dev.safestream.server.app;

import dev.safestream.server.app.accounts.AccountOptions;
import dev.safestream.server.app.chat.ChatOptions;
import dev.safestream.server.app.cluster.ClusterOptions;
import dev.safestream.server.app.demo.DemoOptions;
import dev.safestream.server.app.gifts.GiftOptions;
import dev.safestream.server.app.http.HttpOptions;
import dev.safestream.server.app.moderation.ModerationOptions;
import dev.safestream.server.app.storage.StorageOptions;
import dev.safestream.server.app.websocket.WebSocketOptions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;

/**
 * Every option of {@code serve}, one mixin per area. Each option names its flag, its environment variable and its
 * default once, in its annotation; secrets come from the environment only ({@link #readSecrets}). Tests start from
 * {@link #defaults()} and change fields before {@link #config()}.
 */
public final class ServerOptions {
    @Mixin
    public StorageOptions storage = new StorageOptions();

    @Mixin
    public ClusterOptions cluster = new ClusterOptions();

    @Mixin
    public AccountOptions accounts = new AccountOptions();

    @Mixin
    public HttpOptions http = new HttpOptions();

    @Mixin
    public WebSocketOptions websocket = new WebSocketOptions();

    @Mixin
    public ChatOptions chat = new ChatOptions();

    @Mixin
    public ModerationOptions moderation = new ModerationOptions();

    @Mixin
    public GiftOptions gifts = new GiftOptions();

    @Mixin
    public DemoOptions demo = new DemoOptions();

    /** Not an option: the time the server reads. Tests set a fixed or movable clock. */
    public Clock clock = Clock.systemUTC();

    /** The options as {@code serve} with no arguments would read them (the environment's variables included). */
    public static ServerOptions defaults() {
        ServerOptions options = new ServerOptions();
        new CommandLine(options).parseArgs();
        return options;
    }

    /** Reads the secrets (passwords, signing secret, metrics token), which are never options, from {@code env}. */
    public ServerOptions readSecrets(Map<String, String> env) {
        storage.readSecrets(env);
        accounts.readSecrets(env);
        http.readSecrets(env);
        return this;
    }

    /**
     * The validated configuration. The demo changes three defaults: it binds loopback (its passwords are well
     * known), simulates gifts every 15 s, and widens the per-address budgets by its bots.
     */
    public ServerConfig config() {
        return new ServerConfig(
                storage.settings(),
                cluster.settings(),
                accounts.settings(demo::widen),
                http.settings(demo.enabled ? "127.0.0.1" : "0.0.0.0"),
                websocket.settings(clock, System::nanoTime, demo::widen),
                chat.settings(),
                moderation.filter(),
                moderation.models(),
                gifts.settings(demo.enabled ? GiftOptions.DEMO_INTERVAL : Duration.ZERO),
                demo.enabled,
                clock);
    }
}
