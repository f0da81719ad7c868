package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.protocol.CloseCode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ModerationApiIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static TestServer server;
    private static Api api;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.demo.enabled = true);
        api = server.api();
        admin = api.adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private record Joined(String name, String token, WsClient ws) {}

    private static Joined join(String prefix) {
        String user = prefix + "_" + NAMES.incrementAndGet();
        String token = api.register(user, "secret1");
        WsClient ws = WsClient.connect(server.wsBase(), user, token);
        ws.awaitType("welcome");
        return new Joined(user, token, ws);
    }

    @Test
    void viewersCannotCallModeratorApis() {
        String viewer = api.register("plain_viewer", "secret1");
        for (String path : new String[] {
            "/api/admin/kick",
            "/api/admin/mute",
            "/api/admin/unmute",
            "/api/admin/ban",
            "/api/admin/unban",
            "/api/admin/reset_metrics"
        }) {
            Api.Response r = api.post(path, Map.of("username", "admin"), viewer);
            assertThat(r.status()).as(path).isEqualTo(403);
            assertThat(r.text("detail")).as(path).contains("may not moderate");
        }
        assertThat(api.get("/api/mod/threshold", viewer).status()).isEqualTo(403);
        assertThat(api.patch("/api/mod/threshold", Map.of("threshold", 0.1), viewer)
                        .status())
                .isEqualTo(403);
        assertThat(api.get("/api/admin/audit", viewer).status()).isEqualTo(403);
    }

    @Test
    void moderatorApisWithoutATokenAreUnauthorized() {
        assertThat(api.post("/api/admin/kick", Map.of("username", "x"), null).status())
                .isEqualTo(401);
        assertThat(api.get("/api/mod/threshold", null).status()).isEqualTo(401);
    }

    @Test
    void kickClosesTheUsersSocketsWithTheKickedCode() {
        Joined target = join("kicked");
        Api.Response r = api.post("/api/admin/kick", Map.of("username", target.name(), "reason", "spam"), admin);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().path("connections_closed").asInt()).isEqualTo(1);
        assertThat(target.ws().awaitClose()).isEqualTo(CloseCode.KICKED.code());
        try (WsClient again = WsClient.connect(server.wsBase(), target.name(), target.token())) {
            again.awaitType("welcome");
        }
    }

    @Test
    void demoModeratorMayKick() {
        String mod = api.login("demo_mod", "demo_mod");
        Joined target = join("modkick");
        assertThat(api.post("/api/admin/kick", Map.of("username", target.name()), mod)
                        .status())
                .isEqualTo(200);
        assertThat(target.ws().awaitClose()).isEqualTo(CloseCode.KICKED.code());
    }

    @Test
    void mutedUserIsToldAndTheirMessagesAreNotBroadcast() {
        Joined muted = join("muted");
        Joined other = join("witness");
        Api.Response r = api.post(
                "/api/admin/mute",
                Map.of("username", muted.name(), "duration_seconds", 60, "reason", "calm down"),
                admin);
        assertThat(r.status()).isEqualTo(200);
        JsonNode notice = muted.ws().awaitType("muted");
        assertThat(notice.path("muted_until").asText()).isNotBlank();
        assertThat(notice.path("reason").asText()).isEqualTo("calm down");

        muted.ws().chat("am I muted?");
        other.ws().chat("witness marker");
        muted.ws().awaitChat("witness marker");
        assertThat(other.ws().sawChat("am I muted?")).isFalse();
        assertThat(muted.ws().events().stream()
                        .filter(e -> "muted".equals(e.path("type").asText())))
                .hasSizeGreaterThanOrEqualTo(2);

        assertThat(api.post("/api/admin/unmute", Map.of("username", muted.name()), admin)
                        .json()
                        .path("was_muted")
                        .asBoolean())
                .isTrue();
        muted.ws().awaitType("unmuted");
        muted.ws().chat("free again");
        other.ws().awaitChat("free again");
        muted.ws().close();
        other.ws().close();
    }

    @Test
    void mutedUserIsToldAgainOnReconnect() {
        Joined muted = join("remuted");
        api.post("/api/admin/mute", Map.of("username", muted.name()), admin);
        muted.ws().awaitType("muted");
        muted.ws().close();
        try (WsClient again = WsClient.connect(server.wsBase(), muted.name(), muted.token())) {
            again.awaitType("muted");
        }
    }

    @Test
    void muteValidatesDuration() {
        Joined target = join("badmute");
        assertThat(api.post("/api/admin/mute", Map.of("username", target.name(), "duration_seconds", -5), admin)
                        .status())
                .isEqualTo(400);
        target.ws().close();
    }

    @Test
    void bannedUserIsDisconnectedAndRefusedUntilUnbanned() {
        Joined target = join("banned");
        assertThat(api.post("/api/admin/ban", Map.of("username", target.name(), "reason", "abuse"), admin)
                        .status())
                .isEqualTo(200);
        assertThat(target.ws().awaitClose()).isEqualTo(CloseCode.BANNED.code());
        try (WsClient again = WsClient.connect(server.wsBase(), target.name(), target.token())) {
            assertThat(again.awaitClose()).isEqualTo(CloseCode.BANNED.code());
        }
        assertThat(api.post("/api/admin/unban", Map.of("username", target.name()), admin)
                        .status())
                .isEqualTo(200);
        try (WsClient again = WsClient.connect(server.wsBase(), target.name(), target.token())) {
            again.awaitType("welcome");
        }
    }

    @Test
    void actionsOnUnknownUsersAreNotFound() {
        Api.Response r = api.post("/api/admin/kick", Map.of("username", "ghost_user"), admin);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text("detail")).contains("ghost_user");
        assertThat(api.post("/api/admin/ban", Map.of("username", "ghost_user"), admin)
                        .status())
                .isEqualTo(404);
        assertThat(api.post("/api/admin/mute", "{}", admin).status()).isEqualTo(400);
        assertThat(api.post("/api/admin/mute", "{not json", admin).status()).isEqualTo(400);
    }

    @Test
    void thresholdCanBeReadAndChangedWithinRange() {
        Api.Response initial = api.get("/api/mod/threshold?channel=thresh", admin);
        assertThat(initial.status()).isEqualTo(200);
        assertThat(initial.json().path("threshold").asDouble()).isEqualTo(0.6);
        assertThat(api.patch("/api/mod/threshold?channel=thresh", Map.of("threshold", 0.3), admin)
                        .json()
                        .path("threshold")
                        .asDouble())
                .isEqualTo(0.3);
        assertThat(api.get("/api/mod/threshold?channel=thresh", admin)
                        .json()
                        .path("threshold")
                        .asDouble())
                .isEqualTo(0.3);
        assertThat(api.patch("/api/mod/threshold?channel=thresh", Map.of("threshold", 1.5), admin)
                        .status())
                .isEqualTo(400);
        assertThat(api.patch("/api/mod/threshold?channel=thresh", Map.of("threshold", -0.1), admin)
                        .status())
                .isEqualTo(400);
        assertThat(api.patch("/api/mod/threshold?channel=thresh", Map.of(), admin)
                        .status())
                .isEqualTo(400);
        assertThat(api.patch("/api/mod/threshold?channel=thresh", "{\"threshold\":\"high\"}", admin)
                        .status())
                .isEqualTo(400);
    }

    @Test
    void loweredThresholdFlagsMilderMessages() {
        api.patch("/api/mod/threshold?channel=strict", Map.of("threshold", 0.5), admin);
        String user = "strict_" + NAMES.incrementAndGet();
        try (WsClient c = WsClient.connect(server.wsBase(), user, api.register(user, "secret1"), "channel=strict")) {
            c.awaitType("welcome");
            c.chat("that was stupid");
            assertThat(c.awaitChat("that was stupid").path("toxic").asBoolean()).isTrue();
        }
    }

    @Test
    void resetMetricsZeroesTheChannelFigures() {
        Joined a = join("metrics");
        a.ws().chat("kill yourself now");
        a.ws().awaitChat("kill yourself now");
        assertThat(api.get("/metrics", null).json().path("toxic_pct").asDouble())
                .isGreaterThan(0);
        assertThat(api.post("/api/admin/reset_metrics", "", admin).status()).isEqualTo(200);
        JsonNode figures = api.get("/metrics", null).json();
        assertThat(figures.path("toxic_pct").asDouble()).isZero();
        assertThat(figures.path("gift_count").asLong()).isZero();
        assertThat(figures.path("viewer_count").asInt()).isGreaterThanOrEqualTo(1);
        a.ws().close();
    }

    @Test
    void everyActionLandsInTheAuditLog() {
        Joined target = join("audited");
        api.post("/api/admin/mute", Map.of("username", target.name(), "reason", "audit me"), admin);
        JsonNode log = api.get("/api/admin/audit?limit=50", admin).json();
        assertThat(log.toString()).contains(target.name()).contains("audit me").contains("\"actor\":\"admin\"");
        target.ws().close();
    }
}
