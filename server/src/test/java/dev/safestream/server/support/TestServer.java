package dev.safestream.server.support;

import dev.safestream.server.app.ModelSettings;
import dev.safestream.server.app.SafeStreamServer;
import dev.safestream.server.app.ServerConfig;
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
    private final ServerConfig config;
    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private SafeStreamServer server;
    private int stoppedPort = -1;

    private TestServer(Path dataDir, ServerConfig config) {
        this.dataDir = dataDir;
        this.config = config;
        this.server = SafeStreamServer.start(config, new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    public static TestServer start() {
        return start(b -> {});
    }

    public static TestServer start(Consumer<ServerConfig.Builder> customize) {
        try {
            return start(Files.createTempDirectory("safestream-test"), customize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static TestServer start(Path dataDir, Consumer<ServerConfig.Builder> customize) {
        ServerConfig config = ServerConfig.builder(dataDir)
                .with(b -> {
                    b.host = "127.0.0.1";
                    b.port = 0;
                    b.giftInterval = java.time.Duration.ZERO;
                    b.adminPassword = ADMIN_PASSWORD;
                    b.jwtSecret = JWT_SECRET;
                    b.messagesPerSecond = 0;
                    // suites register many accounts from 127.0.0.1; RobustnessIT tests the budget itself
                    b.registrationsPerHour = 0;
                    // Pipeline tests need scores they can predict: the word-list classifier (a shipped option) at
                    // fixed thresholds. ModelModerationIT runs the default, the trained ONNX cascade.
                    b.models = new ModelSettings(ModelSettings.BLOCKED_TERMS, null, 1, 0, null);
                    b.toxicThreshold = 0.6;
                    // suites chat in channels of their own ("lobby", per-test names); ChannelRolesIT tests the
                    // shipped default, only existing channels
                    b.openChannels = true;
                })
                .with(customize)
                .build();
        return new TestServer(dataDir, config);
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
        int port = stoppedPort;
        server = SafeStreamServer.start(
                config.toBuilder().with(b -> b.port = port).build(),
                new PrintStream(console, true, StandardCharsets.UTF_8));
        stoppedPort = -1;
    }

    /** Stops and starts again on the same data directory (a new port). */
    public void restart() {
        server.close();
        server = SafeStreamServer.start(config.toBuilder().with(b -> b.port = 0).build(), new PrintStream(console));
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
