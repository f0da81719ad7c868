package dev.safestream.container;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the image without a container engine: its layers unpacked into a directory, its entrypoint started there
 * with the image's user, environment and command, in new mount and PID namespaces (unshare, chroot), as an engine
 * would. Needs root (mounting /proc and /dev, changing root); elsewhere it is skipped.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class ContainerRunIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static ImageTarball image;

    @TempDir
    static Path work;

    private static Path root;

    @BeforeAll
    static void unpackTheLayers() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "needs root to unshare and chroot");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/unshare")), "needs util-linux's unshare");
        image = ImageTarball.read(Images.tarball());
        Path layout = Files.createDirectories(work.resolve("layout"));
        root = Files.createDirectories(work.resolve("rootfs"));
        succeed(List.of("tar", "-xf", Images.tarball().toString(), "-C", layout.toString()));
        for (JsonNode layer : image.manifest.path("layers")) {
            Path blob = layout.resolve("blobs")
                    .resolve(layer.path("digest").asText().replace(':', '/'));
            succeed(List.of("tar", "-xzf", blob.toString(), "-C", root.toString()));
        }
        // what an engine provides: mount points for /proc and /dev, and the host's /etc/hosts
        Files.createDirectories(root.resolve("proc"));
        Files.createDirectories(root.resolve("dev"));
        Files.writeString(root.resolve("etc/hosts"), "127.0.0.1 localhost\n");
    }

    @Test
    void theLauncherRunsInsideTheImageAsTheImagesUser() throws Exception {
        Contained version = Contained.start(root, image.config.path("config"), List.of("--version"), Map.of());
        assertThat(version.awaitExit(Duration.ofSeconds(60)))
                .as(version.output())
                .isZero();
        assertThat(version.output()).contains("safestream-server " + Images.version());
    }

    @Test
    void servesAndPassesTheDocumentedHealthCheckThenStopsOnSigterm() throws Exception {
        JsonNode config = image.config.path("config");
        String port = String.valueOf(freePort());
        Map<String, String> env = Map.of("APP_PORT", port, "GIFT_INTERVAL_SECS", "0");
        List<String> command = new ArrayList<>();
        config.path("Cmd").forEach(n -> command.add(n.asText()));
        try (Contained server = Contained.start(root, config, command, env)) {
            await().atMost(Duration.ofMinutes(2))
                    .until(() -> server.output().contains("listening on") || !server.isAlive());
            assertThat(server.output()).contains("SafeStream listening on http://0.0.0.0:" + port + " (data in /data)");
            URI base = URI.create("http://127.0.0.1:" + port);
            assertThat(get(base.resolve("/healthz")).body()).contains("healthy");
            await().atMost(Duration.ofMinutes(1))
                    .until(() -> get(base.resolve("/readyz")).statusCode() == 200);

            // the health checks docs/install.md gives: deploy/compose.yaml's exec form, and `docker run
            // --health-cmd`'s shell form; each run inside the image as an engine does
            List<String> composeForm = ComposeFileTest.HEALTH_CHECK.subList(1, ComposeFileTest.HEALTH_CHECK.size());
            Contained ready = Contained.exec(root, config, composeForm, env);
            assertThat(ready.awaitExit(Duration.ofSeconds(90)))
                    .as(ready.output())
                    .isZero();
            assertThat(ready.output()).contains("\"status\":\"ready\"", "\"model\":{\"ok\":true");
            Contained shellForm = Contained.exec(
                    root, config, List.of("/bin/sh", "-c", "/opt/safestream-server/bin/safestream-server ready"), env);
            assertThat(shellForm.awaitExit(Duration.ofSeconds(90)))
                    .as(shellForm.output())
                    .isZero();

            Path jwtSecret = root.resolve("data/jwt-secret");
            assertThat(jwtSecret).exists();
            assertThat(Files.getAttribute(jwtSecret, "unix:uid")).isEqualTo(10001);

            assertThat(server.terminate(Duration.ofSeconds(30))).isIn(0, 143);
            assertThat(server.output()).contains("SafeStream stopped").doesNotContain("SIGSEGV");
        }
    }

    private static HttpResponse<String> get(URI uri) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void succeed(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).inheritIO().start();
        assertThat(p.waitFor()).as(String.join(" ", command)).isZero();
    }
}
