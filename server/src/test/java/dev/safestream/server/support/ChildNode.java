package dev.safestream.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;

/**
 * A server node in a JVM of its own, started with the same class path as the tests and configured the way an operator
 * would (environment variables), so a test can kill it with SIGKILL ({@link #kill}) as {@code kill -9} would.
 */
public final class ChildNode implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private ChildNode(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** Starts a node with {@code env} on top of the test defaults and waits until it is ready. */
    public static ChildNode start(Map<String, String> env) {
        try {
            int port;
            try (ServerSocket probe = new ServerSocket(0)) {
                port = probe.getLocalPort();
            }
            Path dataDir = Files.createTempDirectory("safestream-node");
            Path log = dataDir.resolveSibling(dataDir.getFileName() + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "--enable-native-access=ALL-UNNAMED",
                    "-cp",
                    System.getProperty("java.class.path"),
                    "dev.safestream.server.app.Main",
                    "serve"));
            ProcessBuilder builder =
                    new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = builder.environment();
            environment.put("APP_HOST", "127.0.0.1");
            environment.put("APP_PORT", Integer.toString(port));
            environment.put("DATA_DIR", dataDir.toString());
            environment.put("JWT_SECRET_KEY", TestServer.JWT_SECRET);
            environment.put("SAFESTREAM_ADMIN_PASSWORD", TestServer.ADMIN_PASSWORD);
            environment.put("CLASSIFIER", "blocked-terms");
            environment.put("TOXIC_THRESHOLD", "0.6");
            environment.put("GIFT_INTERVAL_SECS", "0");
            environment.put("RATE_LIMIT_PER_SEC", "0");
            environment.put("REGISTRATIONS_PER_ADDRESS_PER_HOUR", "0");
            environment.put("OPEN_CHANNELS", "true");
            environment.putAll(env);
            ChildNode node = new ChildNode(builder.start(), port, log);
            node.awaitReady();
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady() {
        HttpClient http = HttpClient.newHttpClient();
        Awaitility.await("node on port " + port + " ready (log: " + log + ")")
                .atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException("the node exited: " + Files.readString(log));
                    }
                    try {
                        return http.send(
                                                HttpRequest.newBuilder(URI.create(base() + "/readyz"))
                                                        .build(),
                                                HttpResponse.BodyHandlers.discarding())
                                        .statusCode()
                                == 200;
                    } catch (IOException e) {
                        return false;
                    }
                });
    }

    public String base() {
        return "http://127.0.0.1:" + port;
    }

    public String wsBase() {
        return "ws://127.0.0.1:" + port;
    }

    public Api api() {
        return new Api(base());
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook runs, sockets are reset by the kernel. */
    public void kill() {
        process.destroyForcibly();
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> !process.isAlive());
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.destroyForcibly();
            }
        }
    }
}
