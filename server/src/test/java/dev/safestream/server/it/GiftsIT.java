package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.MutableClock;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class GiftsIT {
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> {
            b.demo.enabled = true;
            b.clock = CLOCK;
            b.gifts.interval = Duration.ofSeconds(15);
            b.websocket.pingInterval = Duration.ofMinutes(10); // the clock jumps; keep the idle sweep out of it
        });
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void catalogueListsIdNameAndCoins() {
        JsonNode gifts = api.get("/api/gifts", null).json();
        assertThat(gifts.isArray()).isTrue();
        assertThat(gifts.get(0).has("id")).isTrue();
        assertThat(gifts.get(0).has("name")).isTrue();
        assertThat(gifts.get(0).has("coins")).isTrue();
    }

    @Test
    void streamerGiftIsAcceptedAndBroadcast() {
        String streamer = api.login("test_streamer", "test_streamer");
        try (WsClient viewer = WsClient.connect(server.wsBase(), "giftee", api.register("giftee", "secret1"))) {
            viewer.awaitType("welcome");
            Api.Response r = api.post("/api/gift", Map.of("from", "fan42", "gift_id", 5, "amount", 3), streamer);
            assertThat(r.status()).isEqualTo(202);
            assertThat(r.text("status")).isEqualTo("queued");
            JsonNode gift = viewer.await(e -> "gift".equals(e.path("type").asText())
                    && "fan42".equals(e.path("from").asText()));
            assertThat(gift.path("gift_id").asInt()).isEqualTo(5);
            assertThat(gift.path("amount").asInt()).isEqualTo(3);
            assertThat(gift.path("ts").asText()).isNotBlank();
        }
    }

    @Test
    void viewersSendGiftsInTheirOwnName() {
        String token = api.register("gift_viewer", "secret1");
        try (WsClient viewer = WsClient.connect(server.wsBase(), "gift_viewer", token)) {
            viewer.awaitType("welcome");
            assertThat(api.post("/api/gift", Map.of("gift_id", 2, "amount", 1), token)
                            .status())
                    .isEqualTo(202);
            JsonNode gift = viewer.await(e -> "gift".equals(e.path("type").asText())
                    && "gift_viewer".equals(e.path("from").asText()));
            assertThat(gift.path("gift_name").asText()).isEqualTo("Heart");
        }
    }

    @Test
    void viewersMayNotSendGiftsInAnotherName() {
        String viewer = api.register("gift_spoofer", "secret1");
        Api.Response spoofed =
                api.post("/api/gift", Map.of("from", "test_streamer", "gift_id", 1, "amount", 1), viewer);
        assertThat(spoofed.status()).isEqualTo(403);
        assertThat(spoofed.text("detail")).contains("another name");
        assertThat(api.post("/api/gift", Map.of("from", "x", "gift_id", 1, "amount", 1), null)
                        .status())
                .isEqualTo(401);
    }

    @Test
    void viewersGiftsAreBudgeted() {
        String viewer = api.register("gift_flooder", "secret1");
        long refused = java.util.stream.IntStream.range(0, 40)
                .map(i -> api.post("/api/gift", Map.of("gift_id", 1, "amount", 1), viewer)
                        .status())
                .filter(status -> status == 429)
                .count();
        assertThat(refused).isPositive();
    }

    @Test
    void guestsMayNotSendGifts() {
        String guest = api.post("/auth/guest", "", null).text("access_token");
        assertThat(api.post("/api/gift", Map.of("gift_id", 1, "amount", 1), guest)
                        .status())
                .isEqualTo(403);
    }

    /** The original design's README: {@code POST /api/gift {"from":"admin","gift_id":999,"amount":1}}, and 123. */
    @Test
    void theOriginalDesignsGiftExamplesAreAcceptedAsGenericGifts() {
        String admin = api.adminToken();
        try (WsClient viewer =
                WsClient.connect(server.wsBase(), "seed_watcher", api.register("seed_watcher", "secret1"))) {
            viewer.awaitType("welcome");
            Api.Response sent = api.post("/api/gift", Map.of("from", "admin", "gift_id", 999, "amount", 1), admin);
            assertThat(sent.status()).isEqualTo(202);
            assertThat(sent.text("status")).isEqualTo("queued");
            var gift = viewer.await(e ->
                    "gift".equals(e.path("type").asText()) && e.path("gift_id").asInt() == 999);
            assertThat(gift.path("gift_name").asText()).isEqualTo("Gift #999");
            assertThat(gift.path("coins").asLong()).isEqualTo(1);
            assertThat(gift.path("from").asText()).isEqualTo("admin");

            assertThat(api.post("/api/gift", Map.of("gift_id", 123, "amount", 3), admin)
                            .status())
                    .isEqualTo(202);
            var another = viewer.await(e ->
                    "gift".equals(e.path("type").asText()) && e.path("gift_id").asInt() == 123);
            assertThat(another.path("gift_name").asText()).isEqualTo("Gift #123");
            assertThat(another.path("coins").asLong()).as("value from amount").isEqualTo(3);
        }
        assertThat(api.get("/api/recent", null).body()).contains("Gift #999");
    }

    @Test
    void invalidGiftsAreBadRequests() {
        String admin = api.adminToken();
        assertThat(api.post("/api/gift", Map.of("gift_id", 0, "amount", 1), admin)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/gift", Map.of("gift_id", -5, "amount", 1), admin)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/gift", Map.of("gift_id", 1, "amount", 0), admin)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/api/gift", Map.of("gift_id", 1), admin).status()).isEqualTo(400);
    }

    @Test
    void randomProducerSendsSimulatedGiftsThatCountNowhere() {
        try (WsClient viewer =
                WsClient.connect(server.wsBase(), "bot_watcher", api.register("bot_watcher", "secret1"))) {
            viewer.awaitType("welcome");
            long realGifts = api.get("/metrics", null).json().path("gift_count").asLong();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                CLOCK.advance(Duration.ofSeconds(20));
                assertThat(viewer.events().stream()
                                .anyMatch(e -> "gift".equals(e.path("type").asText())
                                        && "bot".equals(e.path("from").asText())))
                        .isTrue();
            });
            assertThat(viewer.events().stream()
                            .filter(e -> "gift".equals(e.path("type").asText()))
                            .filter(e -> "bot".equals(e.path("from").asText())))
                    .allMatch(e -> e.path("simulated").asBoolean());
            // labelled in the history too, and never part of the channel's gift count
            assertThat(api.get("/api/recent?limit=50", null).body()).contains("\"simulated\":true");
            assertThat(api.get("/metrics", null).json().path("gift_count").asLong())
                    .isEqualTo(realGifts);
        }
    }
}
