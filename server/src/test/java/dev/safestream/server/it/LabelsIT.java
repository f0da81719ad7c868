package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Moderator feedback labels and their JSON-lines export, the training command's {@code --feedback} format. */
@Timeout(60)
class LabelsIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void queueDecisionsAndSanctionsOnFlaggedMessagesBecomeLabels() throws Exception {
        try (TestServer server = TestServer.start(b -> b.demo.enabled = true)) {
            Api api = server.api();
            String admin = api.adminToken();
            String mod = api.login("demo_mod", "demo_mod");
            api.put(
                    "/api/channels/main/moderation",
                    Map.of("mode", "hold_uncertain", "thresholds", Map.of("hold_low", 0.5)),
                    admin);
            try (WsClient bob = WsClient.connect(server.wsBase(), "bob_l", api.register("bob_l", "secret1"));
                    WsClient eve = WsClient.connect(server.wsBase(), "eve_l", api.register("eve_l", "secret1"))) {
                bob.awaitType("welcome");
                eve.awaitType("welcome");
                bob.chat("stupid but fine");
                long approved = bob.awaitChat("stupid but fine").path("id").asLong();
                bob.chat("stupid and mean");
                long rejected = bob.awaitChat("stupid and mean").path("id").asLong();
                api.post("/api/moderation/queue/" + approved + "/decisions", Map.of("decision", "approve"), mod);
                api.post("/api/moderation/queue/" + rejected + "/decisions", Map.of("decision", "approve"), mod);
                api.post("/api/moderation/queue/" + rejected + "/decisions", Map.of("decision", "reject"), admin);

                eve.chat("what an idiot");
                long flagged = eve.awaitChat("what an idiot").path("id").asLong();
                assertThat(api.post("/api/admin/mute", Map.of("username", "eve_l", "reason", "rude"), mod)
                                .status())
                        .isEqualTo(200);

                Api.Response export = api.get("/api/moderation/labels", admin);
                assertThat(export.status()).isEqualTo(200);
                assertThat(export.raw().headers().firstValue("content-type"))
                        .hasValueSatisfying(t -> assertThat(t).startsWith("application/x-ndjson"));
                List<JsonNode> lines =
                        export.body().lines().map(LabelsIT::parse).toList();
                assertThat(lines).hasSize(3);
                for (JsonNode line : lines) {
                    assertThat(line.properties())
                            .extracting(Map.Entry::getKey)
                            .containsExactly("text", "toxic", "source", "message_id", "ts");
                    assertThat(Instant.parse(line.path("ts").asText())).isNotNull();
                }
                assertThat(label(lines, approved).path("source").asText()).isEqualTo("approve");
                assertThat(label(lines, approved).path("toxic").asBoolean()).isFalse();
                assertThat(label(lines, rejected).path("source").asText())
                        .as("one queue label per message, the merged state")
                        .isEqualTo("reject");
                assertThat(label(lines, rejected).path("toxic").asBoolean()).isTrue();
                assertThat(label(lines, flagged).path("source").asText()).isEqualTo("mute");
                assertThat(label(lines, flagged).path("text").asText()).isEqualTo("what an idiot");
                assertThat(label(lines, flagged).path("toxic").asBoolean()).isTrue();
            }
            assertThat(api.get("/api/moderation/labels", mod).status())
                    .as("admins only")
                    .isEqualTo(403);
        }
    }

    private static JsonNode label(List<JsonNode> lines, long messageId) {
        return lines.stream()
                .filter(l -> l.path("message_id").asLong() == messageId)
                .findFirst()
                .orElseThrow();
    }

    private static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(line, e);
        }
    }
}
