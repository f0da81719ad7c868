package dev.safestream.server.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A Redis server of its own for a test: Debian's {@code redis-server} (which {@code .ci/run} installs), on a free
 * loopback port, nothing persisted, no system service; stopped on {@link #close}.
 */
public final class LocalRedis implements AutoCloseable {
    private final int port;
    private Process process;

    private LocalRedis(int port) {
        this.port = port;
        this.process = launch(port);
    }

    public static LocalRedis start() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new LocalRedis(port);
    }

    private static Process launch(int port) {
        try {
            Process process = new ProcessBuilder(
                            "redis-server",
                            "--port",
                            Integer.toString(port),
                            "--bind",
                            "127.0.0.1",
                            "--save",
                            "",
                            "--appendonly",
                            "no")
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> !process.isAlive() || listening(port));
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server exited at once (exit " + process.exitValue() + ")");
            }
            return process;
        } catch (IOException e) {
            throw new UncheckedIOException("redis-server not found: apt-get install redis-server (.ci/run does)", e);
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** An outage: Redis dies at once (SIGKILL), losing everything it held (nothing is persisted). */
    public void kill() {
        process.destroyForcibly();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
    }

    /** Redis comes back, empty, on the same port. */
    public void startAgain() {
        process = launch(port);
    }

    private static boolean listening(int port) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
