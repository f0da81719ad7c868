package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.protocol.CloseCode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.RawWsClient;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The attacks of issue 10, one test per row, each against a real server on port 0, each checking that chat still
 * flows for someone else afterwards.
 */
@Timeout(120)
class RobustnessIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> {
            b.accounts.loginFailuresPerAddress = 6;
            b.accounts.loginFailuresPerAccount = 3;
            b.websocket.maxConnectionsPerAddress = 0; // the connection rows use servers of their own
        });
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String name(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet();
    }

    private static WsClient join(TestServer on, String user) {
        WsClient client = WsClient.connect(on.wsBase(), user, on.api().register(user, "secret1"));
        client.awaitType("welcome");
        return client;
    }

    /** Another user can still chat and be heard: the server carries on. */
    private static void chatStillFlows(TestServer on) {
        String text = "still flowing " + NAMES.incrementAndGet();
        try (WsClient a = join(on, name("calm"));
                WsClient b = join(on, name("calm"))) {
            a.chat(text);
            b.awaitChat(text);
        }
        assertThat(on.api().get("/readyz", null).status()).isEqualTo(200);
    }

    @Test
    void row1_aLoneSurrogateIsReplacedAndNeverStopsThePipeline() {
        try (WsClient sender = join(server, name("surrogate"));
                WsClient viewer = join(server, name("viewer"))) {
            sender.send("{\"type\":\"chat\",\"message\":\"\\ud800\"}");
            viewer.awaitChat("\uFFFD");
            sender.send("{\"type\":\"chat\",\"message\":\"tail \\udc00 end\"}");
            viewer.awaitChat("tail \uFFFD end");
        }
        chatStillFlows(server);
    }

    @Test
    void row1_aLoneSurrogateInAGiftSenderOrAMuteReasonIsCleanedToo() {
        String admin = api.adminToken();
        String mutedName = name("muted");
        try (WsClient muted = join(server, mutedName)) {
            Api.Response gift = api.post("/api/gift", "{\"from\":\"fan\\ud800\",\"gift_id\":1,\"amount\":1}", admin);
            assertThat(gift.status()).isEqualTo(202);
            assertThat(muted.awaitType("gift").path("from").asText()).isEqualTo("fan\uFFFD");

            Api.Response mute = api.post(
                    "/api/admin/mute",
                    "{\"username\":\"" + mutedName + "\",\"duration_seconds\":60,\"reason\":\"spam \\ud800\"}",
                    admin);
            assertThat(mute.status()).isEqualTo(200);
            assertThat(muted.awaitType("muted").path("reason").asText()).isEqualTo("spam \uFFFD");
            // the connection is not silenced: it still receives what the channel says
            api.post("/api/gift", "{\"gift_id\":2,\"amount\":1}", admin);
            muted.await(e ->
                    "gift".equals(e.path("type").asText()) && e.path("gift_id").asInt() == 2);
        }
        chatStillFlows(server);
    }

    @Test
    void row2_oneTokenGetsAtMostFiveConnectionsAndModeratorsAlwaysGetIn() {
        try (TestServer small = TestServer.start(b -> {
            b.websocket.maxConnections = 8;
            b.websocket.moderatorReservedConnections = 2;
        })) {
            String guest = small.api().post("/auth/guest", "", null).text("access_token");
            String guestName = subject(guest);
            List<WsClient> held = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    WsClient c = WsClient.connect(small.wsBase(), guestName, guest);
                    c.awaitType("welcome");
                    held.add(c);
                }
                WsClient sixth = WsClient.connect(small.wsBase(), guestName, guest);
                held.add(sixth);
                assertThat(sixth.awaitClose()).isEqualTo(CloseCode.TOO_MANY_CONNECTIONS.code());

                // one more viewer fills the viewers' share (8 - 2 reserved); the next viewer is refused...
                WsClient viewer = join(small, name("v"));
                held.add(viewer);
                String lateName = name("late");
                WsClient late =
                        WsClient.connect(small.wsBase(), lateName, small.api().register(lateName, "secret1"));
                held.add(late);
                assertThat(late.awaitClose()).isEqualTo(CloseCode.TRY_AGAIN_LATER.code());

                // ...but a moderator still gets in
                WsClient admin =
                        WsClient.connect(small.wsBase(), "admin", small.api().adminToken());
                held.add(admin);
                admin.awaitType("welcome");
            } finally {
                held.forEach(WsClient::close);
            }
            assertThat(prometheus(small)).contains("limit=\"connections_per_user\"");
        }
    }

    @Test
    void row2_connectionsPerAddressUseTheAddressATrustedProxyNames() {
        try (TestServer small = TestServer.start(b -> b.websocket.maxConnectionsPerAddress = 2)) {
            List<WsClient> held = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    held.add(connectVia(small, "10.0.0.1"));
                    held.get(i).awaitType("welcome");
                }
                WsClient third = connectVia(small, "10.0.0.1");
                held.add(third);
                assertThat(third.awaitClose()).isEqualTo(CloseCode.TOO_MANY_CONNECTIONS.code());
                WsClient elsewhere = connectVia(small, "10.0.0.2");
                held.add(elsewhere);
                elsewhere.awaitType("welcome");
            } finally {
                held.forEach(WsClient::close);
            }
        }
    }

    private static WsClient connectVia(TestServer on, String forwardedFor) {
        String user = name("proxied");
        String token = on.api().register(user, "secret1");
        return WsClient.connect(
                on.wsBase(),
                user,
                token,
                "",
                Map.of("X-Forwarded-For", "203.0.113.9, " + forwardedFor)); // the leftmost entry is the client's lie
    }

    @Test
    void row3_aHugeBodyIsRefusedWith413BeforeItIsRead() {
        HttpResponse<String> sized = send(HttpRequest.newBuilder(URI.create(base() + "/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=a&password=" + "x".repeat(2_000_000))));
        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(sized.body()).contains("\"detail\"");

        // no Content-Length: chunked, stopped while it is read
        HttpResponse<String> chunked = send(HttpRequest.newBuilder(URI.create(base() + "/auth/register"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                        ("{\"username\":\"" + "x".repeat(500_000) + "\"}").getBytes(StandardCharsets.UTF_8)))));
        assertThat(chunked.statusCode()).isEqualTo(413);
        chatStillFlows(server);
    }

    @Test
    void row4_passwordGuessingIsThrottledPerAccountAndPerAddressWithoutLockingOutTheOwner() {
        String victim = name("victim");
        api.register(victim, "right-password");
        // the owner logs in once from their usual address
        assertThat(login(victim, "right-password", "198.51.100.7").statusCode()).isEqualTo(200);

        // an attacker from elsewhere: 3 failures, then 429 with Retry-After before the password is checked
        for (int i = 0; i < 3; i++) {
            assertThat(login(victim, "guess" + i, "192.0.2.1").statusCode()).isEqualTo(401);
        }
        HttpResponse<String> throttled = login(victim, "right-password", "192.0.2.66");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()))
                .isPositive();
        assertThat(throttled.body()).contains("\"detail\"");

        // the owner's known address is not held by the account's budget
        assertThat(login(victim, "right-password", "198.51.100.7").statusCode()).isEqualTo(200);

        // per address: one address guessing many accounts runs out too
        int refused = 0;
        for (int i = 0; i < 8; i++) {
            if (login(name("nobody"), "guess", "192.0.2.200").statusCode() == 429) {
                refused++;
            }
        }
        assertThat(refused).isEqualTo(2);
        assertThat(prometheus(server)).contains("limit=\"login_per_address\"");
    }

    @Test
    void row5_registrationsPerAddressAreBudgeted() {
        try (TestServer small = TestServer.start(b -> b.accounts.registrationsPerHour = 3)) {
            for (int i = 0; i < 3; i++) {
                assertThat(small.api()
                                .post("/auth/register", Map.of("username", name("reg"), "password", "secret1"), null)
                                .status())
                        .isEqualTo(200);
            }
            Api.Response fourth =
                    small.api().post("/auth/register", Map.of("username", name("reg"), "password", "secret1"), null);
            assertThat(fourth.status()).isEqualTo(429);
            assertThat(fourth.raw().headers().firstValue("Retry-After")).isPresent();
        }
    }

    @Test
    void row6_readingUnknownChannelsCreatesNoState() {
        double before = channels();
        for (int i = 0; i < 200; i++) {
            assertThat(api.get("/api/recent?channel=random" + i, null).status()).isEqualTo(200);
            assertThat(api.get("/metrics?channel=random" + i, null).status()).isEqualTo(200);
        }
        assertThat(channels()).isEqualTo(before);
    }

    private static double channels() {
        return prometheus(server)
                .lines()
                .filter(l -> l.startsWith("safestream_channels "))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.indexOf(' ') + 1)))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void row7_badPathsGet400Or404NeverA500() throws IOException {
        for (String path : List.of(
                "/static/..%2f..%2fetc/passwd",
                "/static/%2F",
                "/static/%00",
                "/static/js/%00app.js",
                "/static/..%2F",
                "/static/%2e%2e/%2e%2e/etc/passwd",
                "/static/..%5c..%5cetc",
                "/static/js/../../app",
                "/app%00",
                "/%00",
                "/api/recent%00",
                "/static/js/app.js%00")) {
            int status = rawStatus("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
            assertThat(status).as(path).isIn(400, 404);
        }
        chatStillFlows(server);
    }

    @Test
    void row8_everyPageAndStaticFileCarriesTheSecurityHeaders() {
        for (String path : List.of("/app", "/login", "/static/js/app.js", "/static/css/base.css", "/api/recent")) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base() + path)));
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("frame-ancestors 'none'")
                    .contains("script-src 'self'")
                    .doesNotContain("unsafe-inline");
            assertThat(r.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
            assertThat(r.headers().firstValue("Referrer-Policy")).isPresent();
        }
    }

    @Test
    void row8_streamersMayAllowEmbeddingOrigins() {
        try (TestServer embedded = TestServer.start(b -> b.http.frameAncestors = List.of("https://stream.example"))) {
            HttpResponse<String> r =
                    send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + embedded.port() + "/app")));
            assertThat(r.headers().firstValue("Content-Security-Policy").orElseThrow())
                    .contains("frame-ancestors https://stream.example");
            assertThat(r.headers().firstValue("X-Frame-Options")).isEmpty();
        }
    }

    @Test
    void row9_aTenMegabyteFrameClosesWith1009() {
        String user = name("tenmb");
        String token = api.register(user, "secret1");
        try (RawWsClient raw = RawWsClient.connect(
                server.port(), "/ws/" + user + "?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8), 65536)) {
            raw.awaitText();
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write(0x81);
            frame.write(0x80 | 127);
            long length = 10_000_000;
            for (int i = 7; i >= 0; i--) {
                frame.write((int) (length >>> (8 * i)) & 0xFF);
            }
            frame.writeBytes(new byte[] {1, 2, 3, 4});
            frame.writeBytes(new byte[32_768]);
            raw.sendRaw(frame.toByteArray());
            assertThat(raw.awaitCloseCode()).isEqualTo(CloseCode.MESSAGE_TOO_BIG.code());
        }
        assertThat(prometheus(server)).contains("limit=\"frame_size\"");
        chatStillFlows(server);
    }

    @Test
    void row10_bidiOverridesAndControlCharactersAreRemovedBeforeModeration() {
        try (WsClient sender = join(server, name("bidi"));
                WsClient viewer = join(server, name("viewer"))) {
            sender.send("{\"type\":\"chat\",\"message\":\"you are an \\u202etoidi\"}");
            viewer.awaitChat("you are an toidi");
            sender.send("{\"type\":\"chat\",\"message\":\"bell\\u0007 nul\\u0000 esc\\u001b[31m red\\nline\"}");
            JsonNode chat = viewer.awaitChat("bell nul esc[31m red\nline");
            assertThat(chat.path("message").asText()).doesNotContain("\u0007", "\u0000", "\u001b");
        }
    }

    @Test
    void row11_contentLengthWithTransferEncodingIsRefusedAndTheConnectionClosed() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
                            + "Content-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n"
                            + "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(response).startsWith("HTTP/1.1 400");
            // the pipelined request was never answered: the server closed the connection after the 400
            assertThat(response.split("HTTP/1.1 ", -1)).hasSize(2);
        }
        chatStillFlows(server);
    }

    @Test
    void fuzzedTextThroughTheWholeChatPathNeverStopsThePipeline() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(20261201);
        try (WsClient fuzzer = join(server, name("fuzz"))) {
            for (int i = 0; i < 300; i++) {
                String text = FuzzText.next(random);
                fuzzer.send("{\"type\":\"chat\",\"message\":\"" + FuzzText.jsonEscaped(text) + "\"}");
            }
            fuzzer.chat("fuzz done");
            fuzzer.awaitChat("fuzz done");
        }
        chatStillFlows(server);
        assertThat(prometheus(server))
                .contains("safestream_worker_restarts_total{worker=\"safestream-pipeline\"} 0.0")
                .doesNotContainPattern("safestream_worker_restarts_total\\{[^}]*} [1-9]");
    }

    @Test
    void readinessReportsEveryCheck() {
        Api.Response r = api.get("/readyz", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("ready");
        assertThat(r.json().path("checks").fieldNames()).toIterable().contains("pipeline", "database", "model");
    }

    @Test
    void theDataDirectoryAndDatabaseAreOwnerOnly() throws IOException {
        try (TestServer fresh = TestServer.start(
                java.nio.file.Files.createTempDirectory("ss-perm").resolve("data"), b -> {})) {
            assertThat(java.nio.file.Files.getPosixFilePermissions(fresh.dataDir()))
                    .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
            try (var files = java.nio.file.Files.list(fresh.dataDir())) {
                files.forEach(f -> {
                    try {
                        assertThat(java.nio.file.Files.getPosixFilePermissions(f))
                                .as(f.toString())
                                .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }

    private static HttpResponse<String> login(String user, String password, String forwardedFor) {
        String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(HttpRequest.newBuilder(URI.create(base() + "/auth/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** The username a token was issued for (its {@code sub} claim). */
    private static String subject(String jwt) {
        String payload =
                new String(java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(payload)
                    .path("sub")
                    .asText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    private static String prometheus(TestServer on) {
        return on.api().get("/metrics/prometheus", null).body();
    }

    private static int rawStatus(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            InputStream in = socket.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
