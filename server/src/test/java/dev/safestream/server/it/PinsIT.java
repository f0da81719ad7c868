package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 24, item 5: one pinned message per channel, for everyone there and everyone who joins later. */
@Timeout(60)
class PinsIT {
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

    private static Api.Response pin(String channel, long id, String token) {
        return api.put("/api/channels/" + channel + "/pin", Map.of("message_id", id), token);
    }

    @Test
    void aPinReachesEveryoneAndEveryoneWhoJoinsUntilItIsTakenDown() {
        String admin = api.adminToken();
        String author = api.register("pin_author", "secret1");
        String viewer = api.register("pin_viewer", "secret1");
        try (WsClient writer = WsClient.connect(server.wsBase(), "pin_author", author, "channel=pn")) {
            writer.awaitType("welcome");
            writer.chat("stream starts at 8");
            long id = writer.awaitChat("stream starts at 8").path("id").asLong();

            assertThat(pin("pn", id, viewer).status()).as("a viewer cannot pin").isEqualTo(403);
            Api.Response pinned = pin("pn", id, admin);
            assertThat(pinned.status()).as(pinned.body()).isEqualTo(200);
            JsonNode event = writer.awaitType("message_pinned");
            assertThat(event.path("id").asLong()).isEqualTo(id);
            assertThat(event.path("user").asText()).isEqualTo("pin_author");
            assertThat(event.path("message").asText()).isEqualTo("stream starts at 8");

            try (WsClient late = WsClient.connect(server.wsBase(), "pin_viewer", viewer, "channel=pn")) {
                late.awaitType("welcome");
                assertThat(late.awaitType("message_pinned").path("id").asLong()).isEqualTo(id);
            }
            assertThat(api.delete("/api/channels/pn/pin", admin).text("status")).isEqualTo("unpinned");
            writer.awaitType("message_unpinned");
            assertThat(api.delete("/api/channels/pn/pin", admin).text("status")).isEqualTo("not_pinned");
            try (WsClient later = WsClient.connect(server.wsBase(), "pin_viewer", viewer, "channel=pn")) {
                later.awaitType("welcome");
                later.chat("marker");
                later.awaitChat("marker");
                assertThat(later.events())
                        .noneMatch(e -> "message_pinned".equals(e.path("type").asText()));
            }
        }
    }

    @Test
    void onlyMessagesViewersCanSeeArePinnedAndADeletedOneTakesItsPinAlong() {
        String admin = api.adminToken();
        String author = api.register("pin_mixed", "secret1");
        try (WsClient writer = WsClient.connect(server.wsBase(), "pin_mixed", author, "channel=pm2")) {
            writer.awaitType("welcome");
            // the test server's word list blocks this one: only its author ever saw it
            writer.chat("kys");
            JsonNode blocked = writer.await(e ->
                    "chat".equals(e.path("type").asText()) && e.path("blocked").asBoolean());
            assertThat(pin("pm2", blocked.path("id").asLong(), admin).status()).isEqualTo(404);
            assertThat(pin("pm2", 999_999_999, admin).status()).isEqualTo(404);

            writer.chat("pin me");
            long id = writer.awaitChat("pin me").path("id").asLong();
            assertThat(pin("other_channel", id, admin).status())
                    .as("another channel's message")
                    .isEqualTo(404);
            assertThat(pin("pm2", id, admin).status()).isEqualTo(200);
            writer.awaitType("message_pinned");
            assertThat(api.delete("/api/channels/pm2/messages/" + id, admin).status())
                    .isEqualTo(200);
            writer.awaitType("message_unpinned");
            assertThat(api.delete("/api/channels/pm2/pin", admin).text("status"))
                    .isEqualTo("not_pinned");
        }
    }
}
