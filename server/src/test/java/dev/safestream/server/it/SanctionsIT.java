package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.protocol.CloseCode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.MutableClock;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 23: bans can be timed, and the sanctions in force can be listed (and lifted) by the channel's moderators. */
@Timeout(60)
class SanctionsIT {
    private static final MutableClock CLOCK = MutableClock.startingNow();
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.clock = CLOCK);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode sanctions(String channel, String token) {
        Api.Response r = api.get("/api/channels/" + channel + "/sanctions", token);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json();
    }

    @Test
    void aTimedBanEndsByItselfAndTheListShowsItUntilThen() {
        String admin = api.adminToken();
        api.register("timed_ban", "secret1");
        Api.Response ban = api.post(
                "/api/admin/ban",
                Map.of("username", "timed_ban", "duration_seconds", 600, "reason", "cool off", "channel", "tb"),
                admin);
        assertThat(ban.status()).as(ban.body()).isEqualTo(200);
        JsonNode listed = sanctions("tb", admin).path("sanctions").get(0);
        assertThat(listed.path("username").asText()).isEqualTo("timed_ban");
        assertThat(listed.path("kind").asText()).isEqualTo("ban");
        assertThat(Instant.parse(listed.path("until").asText()))
                .isEqualTo(CLOCK.instant().plusSeconds(600));
        assertThat(listed.path("reason").asText()).isEqualTo("cool off");
        assertThat(listed.path("issued_by").asText()).isEqualTo("admin");

        String token = api.login("timed_ban", "secret1");
        try (WsClient refused = WsClient.connect(server.wsBase(), "timed_ban", token, "channel=tb")) {
            assertThat(refused.awaitClose()).isEqualTo(CloseCode.BANNED.code());
        }
        CLOCK.advance(Duration.ofSeconds(601));
        assertThat(sanctions("tb", admin).path("sanctions")).isEmpty();
        try (WsClient back = WsClient.connect(server.wsBase(), "timed_ban", token, "channel=tb")) {
            back.awaitType("welcome");
        }
    }

    @Test
    void bansAndMutesInForceAreListedAndLiftedByModeratorsOnly() {
        String admin = api.adminToken();
        api.register("listed_mute", "secret1");
        api.register("listed_ban", "secret1");
        api.post("/api/admin/mute", Map.of("username", "listed_mute", "duration_seconds", 60, "channel", "ls"), admin);
        api.post("/api/admin/ban", Map.of("username", "listed_ban", "reason", "raid", "channel", "ls"), admin);
        JsonNode list = sanctions("ls", admin).path("sanctions");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).path("kind").asText()).as("bans first").isEqualTo("ban");
        assertThat(list.get(0).path("until").isNull()).as("a ban without end").isTrue();
        assertThat(list.get(1).path("kind").asText()).isEqualTo("mute");

        String viewer = api.register("listed_viewer", "secret1");
        assertThat(api.get("/api/channels/ls/sanctions", viewer).status()).isEqualTo(403);
        assertThat(api.get("/api/channels/ls/sanctions", null).status()).isEqualTo(401);

        api.post("/api/admin/unban", Map.of("username", "listed_ban", "channel", "ls"), admin);
        api.post("/api/admin/unmute", Map.of("username", "listed_mute", "channel", "ls"), admin);
        assertThat(sanctions("ls", admin).path("sanctions")).isEmpty();
    }

    @Test
    void aBanLongerThanAYearOrOfNoTimeIs400() {
        String admin = api.adminToken();
        api.register("odd_ban", "secret1");
        for (long seconds : new long[] {0, -5, 400L * 24 * 3600}) {
            Api.Response r = api.post(
                    "/api/admin/ban",
                    Map.of("username", "odd_ban", "duration_seconds", seconds, "channel", "ob"),
                    admin);
            assertThat(r.status()).as(seconds + " s").isEqualTo(400);
        }
    }
}
