package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class ModerationSettingsIT {
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

    private static String path(String channel) {
        return "/api/channels/" + channel + "/moderation";
    }

    private static Api.Response put(String channel, Object body) {
        return api.put(path(channel), body, admin);
    }

    @Test
    void anUnconfiguredChannelShowsTheServerDefaults() {
        JsonNode s = api.get(path("fresh"), admin).json();
        assertThat(s.path("mode").asText()).isEqualTo("post");
        assertThat(s.path("thresholds").path("flag").asDouble()).isEqualTo(0.6);
        assertThat(s.path("thresholds").path("block").asDouble()).isEqualTo(0.9);
        assertThat(s.path("thresholds").path("categories").isObject()).isTrue();
        assertThat(s.path("terms").path("blocked").isArray()).isTrue();
        assertThat(s.path("spam").path("flood_messages").asInt()).isZero();
        assertThat(s.path("slow_mode_seconds").asInt()).isZero();
        assertThat(s.path("users").path("allowed").isArray()).isTrue();
        assertThat(s.path("timeouts").path("strikes").asInt()).isZero();
    }

    @Test
    void putReplacesTheSettingsAndOmittedFieldsTakeTheDefaults() {
        Api.Response r = put(
                "configured",
                Map.of(
                        "mode",
                        "hold_uncertain",
                        "thresholds",
                        Map.of(
                                "flag", 0.7,
                                "hold_low", 0.4,
                                "categories", Map.of("threat", Map.of("block", 0.8))),
                        "terms",
                        Map.of("blocked", List.of("idiot*", "/fr[e3]+ ?v-?bucks/")),
                        "slow_mode_seconds",
                        5));
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode s = api.get(path("configured"), admin).json();
        assertThat(s).isEqualTo(r.json());
        assertThat(s.path("mode").asText()).isEqualTo("hold_uncertain");
        assertThat(s.path("thresholds").path("flag").asDouble()).isEqualTo(0.7);
        assertThat(s.path("thresholds").path("block").asDouble()).as("default").isEqualTo(0.9);
        assertThat(s.path("thresholds")
                        .path("categories")
                        .path("threat")
                        .path("block")
                        .asDouble())
                .isEqualTo(0.8);
        assertThat(s.path("terms").path("blocked")).hasSize(2);
        assertThat(s.path("slow_mode_seconds").asInt()).isEqualTo(5);

        put("configured", Map.of("slow_mode_seconds", 0));
        JsonNode replaced = api.get(path("configured"), admin).json();
        assertThat(replaced.path("mode").asText()).as("PUT replaces").isEqualTo("post");
        assertThat(replaced.path("terms").path("blocked")).isEmpty();
    }

    @Test
    void theDocumentedSettingsFixtureIsStoredAndAnsweredUnchanged() throws IOException {
        String fixture;
        try (InputStream in = ModerationSettingsIT.class.getResourceAsStream(
                "/dev/safestream/protocol/rest/moderation-settings.json")) {
            assertThat(in).as("shared-protocol's settings fixture").isNotNull();
            fixture = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Api.Response stored = put("documented", fixture);
        assertThat(stored.status()).as(stored.body()).isEqualTo(200);
        JsonNode expected = new ObjectMapper().readTree(fixture);
        assertThat(stored.json()).isEqualTo(expected);
        assertThat(api.get(path("documented"), admin).json()).isEqualTo(expected);
    }

    @Test
    void invalidSettingsAreRefusedWithADetailNamingTheField() {
        assertBad(Map.of("mode", "relaxed"), "mode has an invalid value: relaxed (one of post, hold_uncertain");
        assertBad(Map.of("thresholds", Map.of("flag", 0.95)), "thresholds.flag (0.95) must not exceed");
        assertBad(Map.of("thresholds", Map.of("flag", 1.5)), "thresholds.flag must be between 0 and 1");
        assertBad(Map.of("thresholds", Map.of("flagg", 0.5)), "Unknown field 'thresholds.flagg'");
        assertBad(Map.of("thresholds", Map.of("flag", "high")), "thresholds.flag has an invalid value");
        assertBad(Map.of("mode", "hold_uncertain"), "mode hold_uncertain needs thresholds.hold_low");
        assertBad(
                Map.of("thresholds", Map.of("categories", Map.of("threat", Map.of("block", 2)))),
                "thresholds.categories.threat.block must be between 0 and 1");
        assertBad(Map.of("terms", Map.of("blocked", List.of("/([a-z/"))), "terms.blocked[0] is not a valid regular");
        assertBad(Map.of("spam", Map.of("max_repeated_chars", 1)), "spam.max_repeated_chars must be 0");
        assertBad(Map.of("slow_mode_seconds", 1.5), "slow_mode_seconds has an invalid value: 1.5");
        assertBad(Map.of("terms", Map.of("blocked", "idiot")), "terms.blocked has the wrong type");
        assertBad(Map.of("users", Map.of("allowed", List.of("bob"), "blocked", List.of("BOB"))), "both name");
        assertBad(Map.of("timeouts", Map.of("strikes", 3, "mutes_seconds", List.of())), "timeouts.mutes_seconds");
        assertBad("[1,2]", "must be a JSON object");
        assertBad("{not json", "not valid JSON");
        assertThat(api.put(path("BAD!"), Map.of(), admin).status()).isEqualTo(400);
    }

    private static void assertBad(Object body, String detail) {
        Api.Response r = put("validated", body);
        assertThat(r.status()).as(body.toString()).isEqualTo(400);
        assertThat(r.text("detail")).as(body.toString()).contains(detail);
    }

    @Test
    void onlyModeratorsAndAdminsMayReadOrChangeSettings() {
        String viewer = api.register("settings_viewer", "secret1");
        assertThat(api.get(path("main"), viewer).status()).isEqualTo(403);
        assertThat(api.put(path("main"), Map.of(), viewer).status()).isEqualTo(403);
        assertThat(api.get(path("main"), null).status()).isEqualTo(401);
        String mod = api.login("demo_mod", "demo_mod");
        assertThat(api.get(path("main"), mod).status()).isEqualTo(200);
        assertThat(api.put(path("modded"), Map.of("slow_mode_seconds", 3), mod).status())
                .isEqualTo(200);
        assertThat(api.get("/api/admin/audit?channel=modded", admin).body()).contains("set_moderation");
    }

    @Test
    void theOlderThresholdEndpointReadsAndWritesTheSameSettings() {
        put("legacy", Map.of("thresholds", Map.of("flag", 0.5, "block", 0.8)));
        assertThat(api.get("/api/mod/threshold?channel=legacy", admin)
                        .json()
                        .path("threshold")
                        .asDouble())
                .isEqualTo(0.5);
        api.patch("/api/mod/threshold?channel=legacy", Map.of("threshold", 0.3), admin);
        JsonNode s = api.get(path("legacy"), admin).json();
        assertThat(s.path("thresholds").path("flag").asDouble()).isEqualTo(0.3);
        assertThat(s.path("thresholds").path("block").asDouble()).isEqualTo(0.8);
        Api.Response above = api.patch("/api/mod/threshold?channel=legacy", Map.of("threshold", 0.85), admin);
        assertThat(above.status()).isEqualTo(400);
        assertThat(above.text("detail")).contains("must not exceed thresholds.block");
    }

    @Test
    void aCategoryBlockThresholdBlocksWhatTheOverallOneWouldOnlyFlag() {
        put("cats", Map.of("thresholds", Map.of("categories", Map.of("threat", Map.of("block", 0.8)))));
        String user = "cat_user";
        try (WsClient c = WsClient.connect(server.wsBase(), user, api.register(user, "secret1"), "channel=cats")) {
            c.awaitType("welcome");
            c.chat("i will find you");
            JsonNode echo = c.awaitChat("i will find you");
            assertThat(echo.path("blocked").asBoolean()).isTrue();
            // the author is told the category in plain words; the rule, threshold and words are for moderators
            assertThat(echo.path("reason").asText()).isEqualTo("the chat filter judged it harmful: threat");
            assertThat(echo.has("explanation")).isFalse();
            JsonNode why = api.post(
                            "/api/moderate?channel=cats",
                            Map.of("messages", java.util.List.of(Map.of("id", "t", "text", "i will find you"))),
                            admin)
                    .json()
                    .path("results")
                    .get(0)
                    .path("explanation");
            assertThat(why.path("rule").asText()).isEqualTo("category_threshold");
            assertThat(why.path("category").asText()).isEqualTo("threat");
            assertThat(why.path("threshold").asDouble()).isEqualTo(0.8);
            assertThat(why.path("words").toString()).contains("i will find you");
        }
    }
}
