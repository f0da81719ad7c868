package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** What a moderator's connection receives compared with a viewer's. */
@Timeout(60)
class ModeratorStreamIT {
    @Test
    void moderatorsSeeEveryDecisionViewersOnlyWhatTheyMaySee() {
        try (TestServer server = TestServer.start(b -> b.demo.enabled = true)) {
            Api api = server.api();
            try (WsClient mod = WsClient.connect(server.wsBase(), "demo_mod", api.login("demo_mod", "demo_mod"));
                    WsClient viewer =
                            WsClient.connect(server.wsBase(), "demo_user", api.login("demo_user", "demo_user"));
                    WsClient author =
                            WsClient.connect(server.wsBase(), "author_s", api.register("author_s", "secret1"))) {
                mod.awaitType("welcome");
                viewer.awaitType("welcome");
                author.awaitType("welcome");
                author.chat("good evening");
                author.chat("what an idiot");
                author.chat("kill yourself");
                author.chat("stream marker");

                JsonNode allowed = moderated(mod, "good evening");
                assertThat(allowed.path("decision").asText()).isEqualTo("allow");
                assertThat(allowed.path("user").asText()).isEqualTo("author_s");
                assertThat(allowed.path("channel").asText()).isEqualTo("main");
                assertThat(allowed.path("id").asLong()).isPositive();
                assertThat(Instant.parse(allowed.path("ts").asText())).isNotNull();
                assertThat(allowed.has("explanation")).isFalse();

                JsonNode flagged = moderated(mod, "what an idiot");
                assertThat(flagged.path("decision").asText()).isEqualTo("flag");
                assertThat(flagged.path("categories").path("insult").asDouble()).isEqualTo(0.7);
                assertThat(flagged.path("explanation").path("rule").asText()).isEqualTo("threshold");

                JsonNode blocked = moderated(mod, "kill yourself");
                assertThat(blocked.path("decision").asText()).isEqualTo("block");
                assertThat(blocked.path("toxic").asBoolean()).isTrue();
                assertThat(blocked.path("score").asDouble()).isGreaterThanOrEqualTo(0.9);
                assertThat(blocked.path("explanation").path("words").toString()).contains("kill yourself");

                mod.awaitChat("what an idiot");
                viewer.awaitChat("stream marker");
                assertThat(viewer.awaitChat("what an idiot").path("toxic").asBoolean())
                        .isTrue();
                assertThat(viewer.sawChat("kill yourself")).isFalse();
                assertThat(viewer.events())
                        .noneMatch(e -> "moderated".equals(e.path("type").asText()));
                assertThat(author.events())
                        .noneMatch(e -> "moderated".equals(e.path("type").asText()));
                assertThat(mod.sawChat("kill yourself"))
                        .as("blocked chat goes to its author only")
                        .isFalse();
            }
        }
    }

    private static JsonNode moderated(WsClient mod, String text) {
        return mod.await(e -> "moderated".equals(e.path("type").asText())
                && text.equals(e.path("message").asText()));
    }
}
