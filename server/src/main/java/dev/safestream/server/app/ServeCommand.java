package dev.safestream.server.app;

import dev.safestream.server.simulate.Audience;
import dev.safestream.server.simulate.AudienceSettings;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code serve}: runs the server until SIGINT/SIGTERM. Every option also reads an environment variable. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Run the chat server (HTTP, WebSocket, moderation, gifts) in the foreground.",
        showDefaultValues = true,
        footer = {
            "",
            "Secrets come from the environment only, never from the command line:",
            "  DATABASE_PASSWORD          JDBC password for DATABASE_URL.",
            "  JWT_SECRET_KEY             Token signing secret, at least 32 characters; default: generated on",
            "                             first start into DATA_DIR/jwt-secret.",
            "  SAFESTREAM_ADMIN_PASSWORD  Password of the first admin account; default: generated on first",
            "                             start into DATA_DIR/initial-admin-password."
        })
final class ServeCommand implements Callable<Integer> {
    @Mixin
    ServerOptions options = new ServerOptions();

    @Override
    public Integer call() throws InterruptedException {
        ServerConfig config = config(System.getenv());
        if (options.demo.enabled
                && options.http.host != null
                && !options.http.host.isBlank()
                && !config.http().host().startsWith("127.")
                && !config.http().host().equals("::1")) {
            System.err.printf(
                    "WARNING: --demo on %s: the demo accounts' passwords equal their names, and anyone who can reach"
                            + " this address can log in as a moderator. Use --demo without --host (loopback only).%n",
                    config.http().host());
        }
        return run(config);
    }

    /** The configuration these options and environment variables ({@code env}: secrets only) describe. */
    ServerConfig config(Map<String, String> env) {
        return options.readSecrets(env).config();
    }

    private int run(ServerConfig config) throws InterruptedException {
        SafeStreamServer server = SafeStreamServer.start(config);
        int viewers = options.demo.localBots();
        Audience audience =
                viewers > 0 ? Audience.start(AudienceSettings.demo(localUrl(config, server.port()), viewers)) : null;
        if (audience != null) {
            System.out.printf(
                    "Demo audience: %d simulated viewers; open http://localhost:%d/ (--demo-viewers 0 turns them off)%n",
                    viewers, server.port());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(Thread.ofPlatform().name("safestream-shutdown").unstarted(() -> {
                    if (audience != null) {
                        audience.close();
                    }
                    server.close();
                    stopped.countDown();
                }));
        stopped.await();
        return 0;
    }

    /** Where in-process clients reach this server: the bind address, or loopback when bound to every interface. */
    private static URI localUrl(ServerConfig config, int boundPort) {
        String bound = config.http().host();
        boolean wildcard = bound.equals("0.0.0.0") || bound.equals("::");
        String address = wildcard ? "127.0.0.1" : bound.contains(":") ? "[" + bound + "]" : bound;
        return URI.create("http://" + address + ":" + boundPort);
    }
}
