package dev.safestream.installers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's jpackage app-image: its launcher, bundled runtime and subcommands, run as real processes. */
class ServerAppImageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LAUNCHER = Packages.launcher("safestream-server");

    @TempDir
    Path work;

    @Test
    void versionIsThePomVersion() {
        assertThat(Launched.succeed(work, LAUNCHER.toString(), "--version"))
                .contains("safestream-server " + Packages.version());
    }

    @Test
    void servesHealthAndTheViewerPageAndKeepsItsDataAcrossARestart() throws Exception {
        Path data = work.resolve("data");
        String adminPassword;
        try (Launched server = serve(data)) {
            URI base = Http.awaitListening(server);
            assertThat(Http.get(base.resolve("/healthz")).body()).contains("healthy");
            // what the systemd unit's ExecStartPost runs
            assertThat(Launched.succeed(work, LAUNCHER.toString(), "ready", "--url", base.toString(), "--wait", "60"))
                    .contains("\"status\":\"ready\"");
            HttpResponse<String> login = Http.get(base.resolve("/login"));
            assertThat(login.statusCode()).isEqualTo(200);
            assertThat(login.body()).contains("data-testid=\"login-username\"");
            HttpResponse<String> registered = Http.register(base, "smoke_sam", "smoke-pass-1");
            assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
            adminPassword =
                    Files.readString(data.resolve("initial-admin-password")).strip();
            assertThat(server.terminate(Duration.ofSeconds(30))).isIn(0, 143);
            assertThat(server.output()).contains("SafeStream stopped");
        }
        try (Launched again = serve(data)) {
            URI base = Http.awaitListening(again);
            assertThat(Http.login(base, "smoke_sam", "smoke-pass-1").statusCode())
                    .isEqualTo(200);
            assertThat(Http.login(base, "admin", adminPassword).statusCode()).isEqualTo(200);
            assertThat(again.output()).doesNotContain("created the admin account");
            assertThat(again.terminate(Duration.ofSeconds(30))).isIn(0, 143);
        }
    }

    @Test
    void scoreRunsTheShippedModelFromTheLauncher() throws IOException {
        Launched.Finished scored = Launched.run(List.of(LAUNCHER.toString(), "score"), Map.of(), work, """
                {"id":"kind","text":"what a lovely stream, thanks for the tips"}
                {"id":"rude","text":"shut up you worthless idiot"}
                """);
        assertThat(scored.exitCode()).as(scored.output()).isZero();
        Map<String, JsonNode> byId = scored.output()
                .lines()
                .filter(l -> l.startsWith("{"))
                .map(ServerAppImageIT::parse)
                .collect(Collectors.toMap(n -> n.path("id").asText(), n -> n));
        assertThat(byId.get("kind").path("toxic").asBoolean()).isFalse();
        assertThat(byId.get("rude").path("toxic").asBoolean()).isTrue();
    }

    @Test
    void everySubcommandIsReachableFromTheInstalledLauncher() {
        for (String command : List.of("serve", "ready", "score", "users", "simulate")) {
            assertThat(Launched.succeed(work, LAUNCHER.toString(), command, "--help"))
                    .as(command)
                    .contains("Usage: safestream-server " + command);
        }
    }

    /** Training and load tests run from safestream-tools.jar in a checkout; their libraries stay out of the server. */
    @Test
    void theJarCarriesNoTrainingOrLoadTestCode() throws IOException {
        Path jar = Packages.appImage("safestream-server").resolve("lib/app/safestream-server.jar");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> tools = zip.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.startsWith("dev/safestream/models/training/")
                            || n.startsWith("dev/safestream/tools/")
                            || n.startsWith("org/tribuo/")
                            || n.startsWith("ai/onnx/proto/")
                            || n.startsWith("com/fasterxml/jackson/dataformat/csv/"))
                    .toList();
            assertThat(tools).isEmpty();
        }
        Launched.Finished train = Launched.run(List.of(LAUNCHER.toString(), "train"), Map.of(), work, "");
        assertThat(train.exitCode()).as(train.output()).isNotZero();
        assertThat(train.output()).contains("Unmatched argument");
    }

    @Test
    void theJarCarriesOnlyTheLinuxX64OnnxRuntime() throws IOException {
        Path jar = Packages.appImage("safestream-server").resolve("lib/app/safestream-server.jar");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            List<String> natives = zip.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.startsWith("ai/onnxruntime/native/") && !n.endsWith("/"))
                    .toList();
            assertThat(natives).isNotEmpty().allMatch(n -> n.startsWith("ai/onnxruntime/native/linux-x64/"));
        }
    }

    /** server.env promises to document every setting; `serve --help` names each setting's variable. */
    @Test
    void serverEnvDocumentsEveryVariableServeReads() throws IOException {
        String help = Launched.succeed(work, LAUNCHER.toString(), "serve", "--help");
        List<String> variables = Stream.concat(
                        Pattern.compile("\\(([A-Z][A-Z0-9_]{2,})[);]")
                                .matcher(help)
                                .results(),
                        Pattern.compile("(?m)^\\s+([A-Z][A-Z0-9_]{2,})\\s{2,}")
                                .matcher(help)
                                .results())
                .map(m -> m.group(1))
                .distinct()
                .toList();
        assertThat(variables).contains("APP_PORT", "DATA_DIR", "JWT_SECRET_KEY", "SAFESTREAM_ADMIN_PASSWORD");
        String env = Files.readString(Path.of("src/deb/server/etc/safestream/server.env"));
        for (String variable : variables) {
            assertThat(env).as("server.env documents " + variable).containsPattern("(?m)^#?" + variable + "=");
        }
    }

    private Launched serve(Path data) {
        return Launched.start(
                List.of(
                        LAUNCHER.toString(),
                        "serve",
                        "--host",
                        "127.0.0.1",
                        "--port",
                        "0",
                        "--data-dir",
                        data.toString()),
                Map.of("GIFT_INTERVAL_SECS", "0"),
                work);
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (IOException e) {
            throw new AssertionError("Not JSON: " + line, e);
        }
    }
}
