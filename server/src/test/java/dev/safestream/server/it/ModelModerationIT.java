package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.models.Heads;
import dev.safestream.models.ModelArtifacts;
import dev.safestream.models.ToxicityModel;
import dev.safestream.server.app.ServerOptions;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The server as shipped: every message scored by the trained ONNX cascade, explained by the model's own words. */
@Timeout(60)
class ModelModerationIT {
    private static final double THRESHOLD =
            ToxicityModel.readManifest(ModelArtifacts.shipped()).threshold(Heads.TOXIC);
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> {
            // the shipped classifier and encoder budget, which TestServer turns to the word list
            ServerOptions shipped = ServerOptions.defaults();
            b.moderation.classifier = shipped.moderation.classifier;
            b.moderation.encoderBudget = shipped.moderation.encoderBudget;
            b.moderation.toxicThreshold = THRESHOLD;
        });
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WsClient join(String user) {
        WsClient client = WsClient.connect(server.wsBase(), user, api.register(user, "secret1"));
        client.awaitType("welcome");
        return client;
    }

    @Test
    void friendlyChatIsDeliveredWithTheModelsScores() {
        try (WsClient alice = join("model_alice");
                WsClient bob = join("model_bob")) {
            alice.chat("great stream today, see you all tomorrow!");
            JsonNode seen = bob.awaitChat("great stream today, see you all tomorrow!");
            assertThat(seen.path("toxic").asBoolean()).isFalse();
            assertThat(seen.path("score").asDouble()).isLessThan(THRESHOLD);
        }
    }

    @Test
    void abuseIsCaughtAndExplainedByTheWordsThatDroveTheScore() {
        String abuse = "shut up you stupid fucking idiot";
        try (WsClient troll = join("model_troll");
                WsClient viewer = join("model_viewer")) {
            troll.chat(abuse);
            JsonNode echo = troll.awaitChat(abuse);
            assertThat(echo.path("toxic").asBoolean()).isTrue();
            assertThat(echo.path("score").asDouble()).isGreaterThanOrEqualTo(THRESHOLD);
            // the words that drove the score are for moderators (batchScoring... below); the author is told plainly
            assertThat(echo.has("categories")).isFalse();
            assertThat(echo.has("explanation")).isFalse();
            assertThat(echo.path("reason").asText("")).doesNotContain("idiot", "fucking", "stupid");
            troll.chat("sorry");
            viewer.awaitChat("sorry");
            if (echo.path("blocked").asBoolean()) {
                assertThat(viewer.sawChat(abuse)).isFalse();
            } else {
                assertThat(viewer.sawChat(abuse)).isTrue();
            }
        }
    }

    /** Issue 21's table, measured on main at the shipped defaults: each of these was allowed or only flagged. */
    @Test
    void severeHarmIsBlockedWhateverTheModelScores() {
        List<String> severe = List.of(
                "kys",
                "hope you die",
                "I will find where you live and hurt you",
                "you people should all be shot",
                "i'm going to stab you",
                "nobody would miss you if you were gone",
                "I know your address, 42 Elm Street, see you tonight",
                "i will kill you",
                "kill yourself");
        JsonNode results = moderate(severe);
        for (int i = 0; i < severe.size(); i++) {
            JsonNode result = results.get(i);
            assertThat(result.path("decision").asText()).as(severe.get(i)).isEqualTo("block");
            assertThat(result.path("explanation").path("rule").asText()).isEqualTo("severe_harm");
            assertThat(result.path("explanation").path("category").asText())
                    .isIn("threat", "self_harm", "personal_info", "identity_hate");
        }
    }

    @Test
    void banterIsNotTakenForSevereHarm() {
        List<String> banter =
                List.of("I'm going to destroy you next round", "that boss killed me", "I'll shoot you a message later");
        JsonNode results = moderate(banter);
        for (int i = 0; i < banter.size(); i++) {
            assertThat(results.get(i).path("explanation").path("rule").asText(""))
                    .as(banter.get(i))
                    .isNotEqualTo("severe_harm");
        }
    }

    /** The results of {@code POST /api/moderate} for the texts, in order (ids t0, t1, …). */
    private static JsonNode moderate(List<String> texts) {
        List<Map<String, String>> messages = new java.util.ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            messages.add(Map.of("id", "t" + i, "text", texts.get(i)));
        }
        Api.Response r = api.post("/api/moderate", Map.of("messages", messages), api.adminToken());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return r.json().path("results");
    }

    @Test
    void severeHarmNeverReachesViewersAndItsAuthorGetsNoTriggerWords() {
        String threat = "i'm going to stab you";
        try (WsClient author = join("model_threat");
                WsClient viewer = join("model_watcher")) {
            author.chat(threat);
            JsonNode echo = author.awaitChat(threat);
            assertThat(echo.path("blocked").asBoolean()).isTrue();
            assertThat(echo.path("reason").asText())
                    .isEqualTo("it reads as a threat")
                    .doesNotContain("stab");
            author.chat("marker after the threat");
            viewer.awaitChat("marker after the threat");
            assertThat(viewer.sawChat(threat)).isFalse();
        }
    }

    @Test
    void batchScoringReturnsEveryCategoryTheModelKnows() {
        Api.Response r = api.post(
                "/api/moderate",
                Map.of(
                        "messages",
                        List.of(
                                Map.of("id", "ok", "text", "what game is this?"),
                                Map.of("id", "leet", "text", "y0u 4r3 4 st00pid 1d10t"))),
                api.adminToken());
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode ok = r.json().path("results").get(0);
        JsonNode leet = r.json().path("results").get(1);
        assertThat(ok.path("toxic").asBoolean()).isFalse();
        assertThat(leet.path("toxic").asBoolean()).isTrue();
        assertThat(leet.path("categories").fieldNames())
                .toIterable()
                .contains("offensive", "hate", "insult", "obscene", "threat");
        assertThat(leet.path("explanation").path("words").toString()).contains("idiot");
    }
}
