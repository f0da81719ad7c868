package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Issue 24, item 6: a warned user's chat waits until they acknowledge the warning; the warning is audited. */
@Timeout(60)
class WarningsIT {
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

    @Test
    void aWarnedUserChatsAgainOnlyAfterAcknowledging() {
        String admin = api.adminToken();
        String warned = api.register("warn_target", "secret1");
        String other = api.register("warn_other", "secret1");
        try (WsClient target = WsClient.connect(server.wsBase(), "warn_target", warned, "channel=wn");
                WsClient watcher = WsClient.connect(server.wsBase(), "warn_other", other, "channel=wn")) {
            target.awaitType("welcome");
            watcher.awaitType("welcome");

            assertThat(api.post("/api/admin/warn", Map.of("username", "warn_target", "channel", "wn"), other)
                            .status())
                    .as("a viewer cannot warn")
                    .isEqualTo(403);
            Api.Response warn = api.post(
                    "/api/admin/warn",
                    Map.of("username", "warn_target", "reason", "keep it civil", "channel", "wn"),
                    admin);
            assertThat(warn.status()).as(warn.body()).isEqualTo(200);
            assertThat(warn.text("status")).isEqualTo("warned");
            JsonNode event = target.awaitType("warned");
            assertThat(event.path("reason").asText()).isEqualTo("keep it civil");
            assertThat(event.path("channel").asText()).isEqualTo("wn");

            target.chat("but I was right");
            Awaitility.await()
                    .until(() -> target.events().stream()
                                    .filter(e -> "warned".equals(e.path("type").asText()))
                                    .count()
                            == 2);
            target.send("{\"type\":\"acknowledge_warning\"}");
            target.chat("sorry, carrying on");
            watcher.awaitChat("sorry, carrying on");
            assertThat(watcher.sawChat("but I was right"))
                    .as("refused while warned")
                    .isFalse();
            assertThat(watcher.events()).as("nobody else hears of the warning").noneMatch(e -> "warned"
                    .equals(e.path("type").asText()));
        }
        // a reconnect after acknowledging is not warned again
        try (WsClient again = WsClient.connect(server.wsBase(), "warn_target", warned, "channel=wn")) {
            again.awaitType("welcome");
            again.chat("back again");
            again.awaitChat("back again");
            assertThat(again.events())
                    .noneMatch(e -> "warned".equals(e.path("type").asText()));
        }
        JsonNode audit = api.get("/api/admin/audit?channel=wn", admin).json();
        assertThat(StreamSupport.stream(audit.spliterator(), false)
                        .filter(e -> "warn".equals(e.path("action").asText()))
                        .map(e -> e.path("target").asText() + ": "
                                + e.path("reason").asText()))
                .containsExactly("warn_target: keep it civil");
    }

    @Test
    void aWarningOutlivesAReconnectUntilAcknowledged() {
        String admin = api.adminToken();
        String token = api.register("warn_sticky", "secret1");
        assertThat(api.post(
                                "/api/admin/warn",
                                Map.of("username", "warn_sticky", "reason", "spam", "channel", "ws"),
                                admin)
                        .status())
                .isEqualTo(200);
        try (WsClient later = WsClient.connect(server.wsBase(), "warn_sticky", token, "channel=ws")) {
            assertThat(later.awaitType("warned").path("reason").asText()).isEqualTo("spam");
        }
    }
}
