package dev.safestream.server.support;

import dev.safestream.server.app.SafeStreamServer;
import dev.safestream.server.app.ServerConfig;
import dev.safestream.server.app.ServerOptions;
import dev.safestream.server.app.moderation.ModelSettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * A real server on 127.0.0.1, port 0, with its own data directory, the admin password {@link #ADMIN_PASSWORD}, no
 * random gifts, and a known JWT secret so tests can mint tokens.
 */
public final class TestServer implements AutoCloseable {
    public static final String ADMIN_PASSWORD = "admin-pass";
    public static final String JWT_SECRET = "test-secret-test-secret-test-secret-0123456789";

    private final Path dataDir;
    private final ServerOptions options;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private SafeStreamServer server;
    private int stoppedPort = -1;

    private TestServer(Path dataDir, ServerOptions options) {
        this.dataDir = dataDir;
        this.options = options;
        this.server = SafeStreamServer.start(options.config(), new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    public static TestServer start() {
        return start(b -> {});
    }

    public static TestServer start(Consumer<ServerOptions> customize) {
        try {
            return start(Files.createTempDirectory("safestream-test"), customize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test server whose options start from the shipped defaults (see the class comment) and {@code customize}. */
    public static TestServer start(Path dataDir, Consumer<ServerOptions> customize) {
        ServerOptions options = ServerOptions.defaults();
        options.storage.dataDir = dataDir;
        options.http.host = "127.0.0.1";
        options.http.port = 0;
        options.gifts.interval = java.time.Duration.ZERO;
        options.accounts.adminPassword = ADMIN_PASSWORD;
        options.accounts.jwtSecret = JWT_SECRET;
        options.chat.messagesPerSecond = 0;
        // suites register many accounts from 127.0.0.1; RobustnessIT tests the budget itself
        options.accounts.registrationsPerHour = 0;
        // Pipeline tests need scores they can predict: the word-list classifier (a shipped option) at fixed
        // thresholds. ModelModerationIT runs the default, the trained ONNX cascade.
        options.moderation.classifier = ModelSettings.BLOCKED_TERMS;
        options.moderation.encoderBudget = 0;
        options.moderation.toxicThreshold = 0.6;
        // suites chat in channels of their own ("lobby", per-test names); ChannelRolesIT tests the shipped default,
        // only existing channels
        options.chat.openChannels = true;
        customize.accept(options);
        return new TestServer(dataDir, options);
    }

    /** The configuration this server was started with. */
    public ServerConfig config() {
        return options.config();
    }

    /**
     * Stops the server (clients see 1001) and keeps its port number for {@link #startAgainOnSamePort()}, so browsers
     * that reconnect to the address they loaded find it again.
     */
    public void stop() {
        stoppedPort = server.port();
        server.close();
    }

    /** Starts again after {@link #stop()}, on the same data directory and port. */
    public void startAgainOnSamePort() {
        options.http.port = stoppedPort;
        server = SafeStreamServer.start(options.config(), new PrintStream(console, true, StandardCharsets.UTF_8));
        stoppedPort = -1;
    }

    /** Stops and starts again on the same data directory (a new port). */
    public void restart() {
        server.close();
        options.http.port = 0;
        server = SafeStreamServer.start(options.config(), new PrintStream(console));
    }

    public Api api() {
        return new Api("http://127.0.0.1:" + server.port());
    }

    public String wsBase() {
        return "ws://127.0.0.1:" + server.port();
    }

    public int port() {
        return server.port();
    }

    public Path dataDir() {
        return dataDir;
    }

    public String console() {
        return console.toString(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        if (stoppedPort < 0) {
            server.close();
        }
    }
}
