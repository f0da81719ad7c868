package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Channel settings, held messages and explanations survive a restart (on H2 here; {@link PostgresIT} too). */
@Timeout(90)
class ModerationPersistenceIT {
    @Test
    void heldMessagesAndSettingsSurviveARestart() {
        try (TestServer server = TestServer.start(b -> {})) {
            heldMessagesAndSettingsSurviveARestart(server);
        }
    }

    static void heldMessagesAndSettingsSurviveARestart(TestServer server) {
        {
            Api api = server.api();
            String admin = api.adminToken();
            api.put(
                    "/api/channels/durable/moderation",
                    Map.of("mode", "pre_moderate", "terms", Map.of("blocked", List.of("spoil*"))),
                    admin);
            String token = api.register("held_hal", "secret1");
            long held;
            try (WsClient c = WsClient.connect(server.wsBase(), "held_hal", token, "channel=durable")) {
                c.awaitType("welcome");
                c.chat("please approve me");
                held = c.awaitChat("please approve me").path("id").asLong();
            }

            server.restart();
            api = server.api();
            admin = api.adminToken();

            JsonNode settings =
                    api.get("/api/channels/durable/moderation", admin).json();
            assertThat(settings.path("mode").asText()).isEqualTo("pre_moderate");
            assertThat(settings.path("terms").path("blocked").get(0).asText()).isEqualTo("spoil*");
            JsonNode queue =
                    api.get("/api/moderation/queue?channel=durable", admin).json();
            assertThat(queue.path("size").asInt()).isEqualTo(1);
            JsonNode item = queue.path("items").get(0);
            assertThat(item.path("message_id").asLong()).isEqualTo(held);
            assertThat(item.path("explanation").path("rule").asText()).isEqualTo("pre_moderation");
            assertThat(api.get("/metrics/prometheus", null).body()).contains("safestream_held_queue_size 1.0");

            try (WsClient viewer = WsClient.connect(
                    server.wsBase(), "viewer_v", api.register("viewer_v", "secret1"), "channel=durable")) {
                viewer.awaitType("welcome");
                api.post("/api/moderation/queue/" + held + "/decisions", Map.of("decision", "approve"), admin);
                assertThat(viewer.awaitChat("please approve me").path("id").asLong())
                        .isEqualTo(held);
                viewer.chat("spoilers ahead");
                assertThat(viewer.awaitChat("spoilers ahead").path("blocked").asBoolean())
                        .as("compiled rules reloaded")
                        .isTrue();
            }
        }
    }
}
