package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** {@code POST /api/moderate}: batch scoring with the live classifier and a channel's policy. */
@Timeout(60)
class ModerateApiIT {
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

    private static Map<String, Object> batch(String... idsAndTexts) {
        List<Map<String, String>> messages = new ArrayList<>();
        for (int i = 0; i < idsAndTexts.length; i += 2) {
            messages.add(Map.of("id", idsAndTexts[i], "text", idsAndTexts[i + 1]));
        }
        return Map.of("messages", messages);
    }

    @Test
    void scoresEachTextWithTheDefaultPolicy() {
        Api.Response r =
                api.post("/api/moderate", batch("a", "hello there", "b", "what an idiot", "c", "kill yourself"), admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode results = r.json().path("results");
        assertThat(results).hasSize(3);
        assertThat(results.get(0).path("id").asText()).isEqualTo("a");
        assertThat(results.get(0).path("toxic").asBoolean()).isFalse();
        assertThat(results.get(0).path("decision").asText()).isEqualTo("allow");
        assertThat(results.get(0).has("explanation")).isFalse();
        assertThat(results.get(1).path("decision").asText()).isEqualTo("flag");
        assertThat(results.get(1).path("categories").path("insult").asDouble()).isEqualTo(0.7);
        assertThat(results.get(1).path("explanation").path("words").toString()).contains("idiot");
        JsonNode blocked = results.get(2);
        assertThat(blocked.path("toxic").asBoolean()).isTrue();
        assertThat(blocked.path("score").asDouble()).isGreaterThanOrEqualTo(0.9);
        assertThat(blocked.path("decision").asText()).isEqualTo("block");
        // severe harm: decided by the built-in rules before the classifier; moderators see the category and rule
        assertThat(blocked.path("explanation").path("rule").asText()).isEqualTo("severe_harm");
        assertThat(blocked.path("explanation").path("category").asText()).isEqualTo("self_harm");
        assertThat(blocked.path("categories").path("self_harm").asDouble()).isEqualTo(1.0);
    }

    @Test
    void aChannelsPolicyAppliesWhenNamed() {
        api.put(
                "/api/channels/apichan/moderation",
                Map.of("terms", Map.of("blocked", List.of("pineapple*")), "thresholds", Map.of("flag", 0.5)),
                admin);
        JsonNode results = api.post(
                        "/api/moderate?channel=apichan", batch("x", "PINEAPPLES on pizza", "y", "so stupid"), admin)
                .json()
                .path("results");
        assertThat(results.get(0).path("decision").asText()).isEqualTo("block");
        assertThat(results.get(0).path("explanation").path("rule").asText()).isEqualTo("blocked_term");
        assertThat(results.get(1).path("decision").asText()).isEqualTo("flag");
        JsonNode defaults = api.post("/api/moderate", batch("x", "PINEAPPLES on pizza"), admin)
                .json()
                .path("results");
        assertThat(defaults.get(0).path("decision").asText()).isEqualTo("allow");
    }

    @Test
    void moderatorsMayCallItViewersMayNot() {
        String mod = api.login("demo_mod", "demo_mod");
        assertThat(api.post("/api/moderate", batch("a", "hi"), mod).status()).isEqualTo(200);
        String viewer = api.login("demo_user", "demo_user");
        Api.Response forbidden = api.post("/api/moderate", batch("a", "hi"), viewer);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.text("detail")).contains("may not moderate");
        assertThat(api.post("/api/moderate", batch("a", "hi"), null).status()).isEqualTo(401);
    }

    @Test
    void badInputIsRefusedWithAClearDetail() {
        assertBad("{}", 400, "messages must be a non-empty array");
        assertBad(Map.of("messages", List.of()), 400, "messages must be a non-empty array");
        assertBad(Map.of("messages", List.of(Map.of("text", "x"))), 400, "messages[0].id is required");
        assertBad(Map.of("messages", List.of(Map.of("id", "a"))), 400, "messages[0].text is required");
        assertBad(batch("a", "x".repeat(2001)), 400, "messages[0].text is longer than 2000");
        assertBad("{\"messages\":", 400, "not valid JSON");
        List<Map<String, String>> many = new ArrayList<>();
        for (int i = 0; i < 257; i++) {
            many.add(Map.of("id", "m" + i, "text", "hello"));
        }
        assertBad(Map.of("messages", many), 413, "at most 256 messages");
        assertThat(api.post("/api/moderate?channel=BAD!", batch("a", "hi"), admin)
                        .status())
                .isEqualTo(400);
    }

    private static void assertBad(Object body, int status, String detail) {
        Api.Response r = api.post("/api/moderate", body, admin);
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.text("detail")).contains(detail);
    }
}
