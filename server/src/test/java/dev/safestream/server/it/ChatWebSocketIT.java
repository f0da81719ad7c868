package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.protocol.CloseCode;
import dev.safestream.server.auth.Principal;
import dev.safestream.server.auth.Role;
import dev.safestream.server.auth.TokenService;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ChatWebSocketIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String name(String prefix) {
        return prefix + "_" + NAMES.incrementAndGet();
    }

    private static WsClient join(String user) {
        WsClient client = WsClient.connect(server.wsBase(), user, api.register(user, "secret1"));
        client.awaitType("welcome");
        return client;
    }

    @Test
    void twoUsersSeeEachOthersMessagesInTheOriginalWireFormat() {
        String alice = name("alice");
        String bob = name("bob");
        try (WsClient a = join(alice);
                WsClient b = join(bob)) {
            a.chat("hello from alice");
            JsonNode seenByBob = b.awaitChat("hello from alice");
            assertThat(seenByBob.path("user").asText()).isEqualTo(alice);
            assertThat(seenByBob.path("id").isIntegralNumber()).isTrue();
            assertThat(seenByBob.path("toxic").asBoolean()).isFalse();
            assertThat(seenByBob.path("score").isNumber()).isTrue();
            assertThat(Instant.parse(seenByBob.path("ts").asText())).isNotNull();
            assertThat(seenByBob.path("channel").asText()).isEqualTo("main");
            a.awaitChat("hello from alice");
            b.chat("hi alice");
            a.awaitChat("hi alice");
        }
    }

    @Test
    void welcomeNamesUserChannelAndRole() {
        String carol = name("carol");
        try (WsClient c = WsClient.connect(server.wsBase(), carol, api.register(carol, "secret1"), "channel=lobby")) {
            JsonNode welcome = c.awaitType("welcome");
            assertThat(welcome.path("user").asText()).isEqualTo(carol);
            assertThat(welcome.path("channel").asText()).isEqualTo("lobby");
            assertThat(welcome.path("role").asText()).isEqualTo("viewer");
        }
    }

    @Test
    void channelsAreSeparate() {
        try (WsClient inMain = join(name("main"));
                WsClient inOther = WsClient.connect(
                        server.wsBase(), "other_x", api.register("other_x", "secret1"), "channel=other")) {
            inOther.awaitType("welcome");
            inOther.chat("only in other");
            inOther.awaitChat("only in other");
            inMain.chat("only in main");
            inMain.awaitChat("only in main");
            inOther.chat("sync marker");
            inOther.awaitChat("sync marker");
            assertThat(inMain.sawChat("only in other")).isFalse();
            assertThat(inOther.sawChat("only in main")).isFalse();
        }
    }

    @Test
    void rudeMessageIsBlockedForEveryoneButItsSender() {
        try (WsClient rude = join(name("rude"));
                WsClient other = join(name("polite"))) {
            rude.chat("you are a f.u.c.k.i.n.g idiot, kys");
            JsonNode echo = rude.awaitChat("you are a f.u.c.k.i.n.g idiot, kys");
            assertThat(echo.path("blocked").asBoolean()).isTrue();
            assertThat(echo.path("toxic").asBoolean()).isTrue();
            assertThat(echo.path("score").asDouble()).isGreaterThanOrEqualTo(0.9);
            // a plain reason: nothing of the filter's internals, not even to the author
            assertThat(echo.path("reason").asText()).isEqualTo("it reads as telling someone to harm themselves");
            assertThat(echo.has("categories")).isFalse();
            assertThat(echo.has("explanation")).isFalse();
            rude.chat("after the rude one");
            other.awaitChat("after the rude one");
            assertThat(other.sawChat("you are a f.u.c.k.i.n.g idiot, kys")).isFalse();
        }
    }

    @Test
    void flaggedMessageIsDeliveredMarkedToxic() {
        try (WsClient sender = join(name("flag"));
                WsClient other = join(name("watch"))) {
            sender.chat("what an 1d10t");
            JsonNode seen = other.awaitChat("what an 1d10t");
            assertThat(seen.path("toxic").asBoolean()).isTrue();
            assertThat(seen.path("blocked").asBoolean()).isFalse();
        }
    }

    @Test
    void malformedJsonGetsAnErrorAndTheConnectionStaysOpen() {
        try (WsClient c = join(name("malformed"))) {
            c.send("{\"type\":\"chat\",");
            JsonNode error = c.awaitType("error");
            assertThat(error.path("error").asText()).isEqualTo("malformed_json");
            assertThat(error.path("detail").asText()).isNotBlank();
            c.chat("still here");
            c.awaitChat("still here");
            assertThat(c.isClosed()).isFalse();
        }
    }

    @Test
    void unknownTypeGetsAnError() {
        try (WsClient c = join(name("unknown"))) {
            c.send("{\"type\":\"dance\"}");
            assertThat(c.await(e -> "unknown_type".equals(e.path("error").asText()))
                            .path("detail")
                            .asText())
                    .contains("dance");
        }
    }

    @Test
    void oversizeAndEmptyMessagesAreRefused() {
        try (WsClient c = join(name("long"))) {
            c.chat("x".repeat(501));
            c.await(e -> "invalid_message".equals(e.path("error").asText()));
            c.chat("   ");
            assertThat(c.events().stream().filter(e -> "invalid_message"
                            .equals(e.path("error").asText())))
                    .isNotEmpty();
            c.chat("x".repeat(500));
            c.awaitChat("x".repeat(500));
        }
    }

    @Test
    void framesBeyondTheMaximumCloseWithMessageTooBig() {
        try (WsClient c = join(name("frame"))) {
            c.send("{\"type\":\"chat\",\"message\":\"" + "y".repeat(70_000) + "\"}");
            assertThat(c.awaitClose()).isEqualTo(CloseCode.MESSAGE_TOO_BIG.code());
        }
    }

    @Test
    void theFrameLimitCountsUtf8BytesNotCharacters() {
        try (WsClient c = join(name("wide"))) {
            c.send("{\"type\":\"chat\",\"message\":\"" + "é".repeat(40_000) + "\"}");
            assertThat(c.awaitClose()).isEqualTo(CloseCode.MESSAGE_TOO_BIG.code());
        }
    }

    @Test
    void framesBeyondTheTransportBufferCloseOnlyThatConnection() {
        try (WsClient bystander = join(name("calm"));
                WsClient c = join(name("huge"))) {
            c.sendUntilRefused("{\"type\":\"chat\",\"message\":\"" + "z".repeat(1_000_000) + "\"}");
            assertThat(c.awaitClose()).isEqualTo(CloseCode.MESSAGE_TOO_BIG.code());
            bystander.chat("still here");
            bystander.awaitChat("still here");
        }
    }

    @Test
    void pingIsAnsweredWithPong() {
        try (WsClient c = join(name("ping"))) {
            c.send("{\"type\":\"ping\",\"nonce\":\"abc\"}");
            assertThat(c.awaitType("pong").path("nonce").asText()).isEqualTo("abc");
        }
    }

    @Test
    void missingTokenClosesWithPolicyViolation() {
        try (WsClient c = WsClient.connect(server.wsBase(), "nobody", null)) {
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void garbageTokenClosesWithPolicyViolation() {
        try (WsClient c = WsClient.connect(server.wsBase(), "nobody", "garbage")) {
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void expiredTokenClosesWithPolicyViolation() {
        String user = name("expired");
        api.register(user, "secret1");
        Clock past = Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC);
        String expired =
                new TokenService(secret(), Duration.ofMinutes(30), past).issue(new Principal(user, Role.VIEWER));
        try (WsClient c = WsClient.connect(server.wsBase(), user, expired)) {
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
        assertThat(api.get("/auth/me", expired).status()).isEqualTo(401);
    }

    @Test
    void tokenSignedWithAnotherKeyClosesWithPolicyViolation() {
        String forged = new TokenService(
                        "another-secret-another-secret-another-secret".getBytes(StandardCharsets.UTF_8),
                        Duration.ofMinutes(30),
                        Clock.systemUTC())
                .issue(new Principal("admin", Role.ADMIN));
        try (WsClient c = WsClient.connect(server.wsBase(), "admin", forged)) {
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
        assertThat(api.get("/auth/me", forged).status()).isEqualTo(401);
    }

    @Test
    void unsignedAlgNoneTokenIsRefused() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        long exp = Instant.now().plusSeconds(600).getEpochSecond();
        String none = b64.encodeToString("{\"alg\":\"none\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(
                        ("{\"iss\":\"safestream\",\"sub\":\"admin\",\"role\":\"admin\",\"exp\":" + exp + "}")
                                .getBytes(StandardCharsets.UTF_8))
                + ".";
        try (WsClient c = WsClient.connect(server.wsBase(), "admin", none)) {
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
        assertThat(api.get("/api/mod/threshold", none).status()).isEqualTo(401);
    }

    @Test
    void tokenForAnotherUserClosesWithPolicyViolation() {
        String token = api.register(name("owner"), "secret1");
        try (WsClient c = WsClient.connect(server.wsBase(), "someone_else", token)) {
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void invalidChannelNameClosesWithPolicyViolation() {
        String user = name("chan");
        try (WsClient c = WsClient.connect(server.wsBase(), user, api.register(user, "secret1"), "channel=BAD!")) {
            assertThat(c.awaitClose()).isEqualTo(1008);
        }
    }

    @Test
    void guestsMayWatchButNotChat() {
        Api.Response guest = api.post("/auth/guest", "", null);
        try (WsClient g = WsClient.connect(server.wsBase(), guest.text("username"), guest.text("access_token"));
                WsClient talker = join(name("talker"))) {
            assertThat(g.awaitType("welcome").path("role").asText()).isEqualTo("guest");
            g.chat("can I talk?");
            assertThat(g.await(e -> "forbidden".equals(e.path("error").asText())))
                    .isNotNull();
            talker.chat("guests can read this");
            g.awaitChat("guests can read this");
        }
    }

    @Test
    void batchedConnectionsReceiveTheSameEvents() {
        String user = name("batched");
        try (WsClient batched = WsClient.connect(server.wsBase(), user, api.register(user, "secret1"), "batch=1");
                WsClient sender = join(name("burst"))) {
            assertThat(batched.awaitType("welcome").path("batched").asBoolean()).isTrue();
            for (int i = 0; i < 50; i++) {
                sender.chat("burst " + i);
            }
            for (int i = 0; i < 50; i++) {
                batched.awaitChat("burst " + i);
            }
        }
    }

    @Test
    void recentReturnsVisibleMessagesOnly() {
        try (WsClient c = join(name("recent"))) {
            c.chat("recent visible message");
            c.chat("recent kill yourself message");
            c.awaitChat("recent visible message");
            c.awaitChat("recent kill yourself message");
        }
        Api.Response recent = api.get("/api/recent?limit=50", null);
        assertThat(recent.status()).isEqualTo(200);
        assertThat(recent.body()).contains("recent visible message").doesNotContain("kill yourself");
        assertThat(recent.json().path("events").get(0).path("type").asText()).isIn("chat", "gift");
        assertThat(api.get("/api/recent?limit=0", null).status()).isEqualTo(400);
    }

    private static byte[] secret() {
        return TestServer.JWT_SECRET.getBytes(StandardCharsets.UTF_8);
    }
}
