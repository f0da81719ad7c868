package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.protocol.CloseCode;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A viewer that reconnects with {@code since=} gets exactly the events it missed, then live ones, on one node. */
@Timeout(120)
class CatchUpIT {
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.chat.catchUpEvents = 50);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static WsClient join(String user, String extraQuery) {
        WsClient client = WsClient.connect(server.wsBase(), user, server.api().login(user, "secret1"), extraQuery);
        client.awaitType("welcome");
        return client;
    }

    @Test
    void aReconnectingViewerGetsWhatItMissedThenLiveEventsWithoutDuplicates() {
        server.api().register("cu_talker", "secret1");
        server.api().register("cu_viewer", "secret1");
        String lastSeen;
        try (WsClient talker = join("cu_talker", "");
                WsClient viewer = join("cu_viewer", "")) {
            talker.chat("before the drop");
            JsonNode seen = viewer.awaitChat("before the drop");
            lastSeen = seen.path("event_id").asText();
            assertThat(lastSeen).matches("\\d+-\\d+");

            viewer.close();
            for (int i = 0; i < 5; i++) {
                talker.chat("while away " + i);
            }
            talker.awaitChat("while away 4");

            try (WsClient back = join("cu_viewer", "since=" + lastSeen)) {
                talker.chat("live again");
                back.awaitChat("live again");
                List<String> chats = back.events().stream()
                        .filter(e -> "chat".equals(e.path("type").asText()))
                        .map(e -> e.path("message").asText())
                        .toList();
                assertThat(chats)
                        .containsExactly(
                                "while away 0",
                                "while away 1",
                                "while away 2",
                                "while away 3",
                                "while away 4",
                                "live again");
                assertThat(back.events().stream().filter(e -> e.has("event_id")).map(e -> e.path("event_id")
                                .asText()))
                        .doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void moderatorsAlsoCatchUpOnModeratorEventsViewersNever() {
        server.api().register("cu_author", "secret1");
        server.api().register("cu_plain", "secret1");
        String admin = server.api().adminToken();
        String modSince;
        String viewerSince;
        try (WsClient author = join("cu_author", "");
                WsClient moderator = WsClient.connect(server.wsBase(), "admin", admin);
                WsClient viewer = join("cu_plain", "")) {
            moderator.awaitType("welcome");
            author.chat("mark");
            modSince = moderator
                    .await(e -> "moderated".equals(e.path("type").asText())
                            && "mark".equals(e.path("message").asText()))
                    .path("event_id")
                    .asText();
            viewerSince = viewer.awaitChat("mark").path("event_id").asText();
            moderator.close();
            viewer.close();
            author.chat("decided while away");
            author.awaitChat("decided while away");
        }
        try (WsClient moderator = WsClient.connect(server.wsBase(), "admin", admin, "since=" + modSince);
                WsClient viewer = join("cu_plain", "since=" + viewerSince)) {
            moderator.await(e -> "moderated".equals(e.path("type").asText())
                    && "decided while away".equals(e.path("message").asText()));
            moderator.awaitChat("decided while away");
            viewer.awaitChat("decided while away");
            assertThat(viewer.events())
                    .noneMatch(e -> "moderated".equals(e.path("type").asText()));
        }
    }

    @Test
    void aBadSinceIsRefusedWithAReason() {
        server.api().register("cu_bad", "secret1");
        WsClient bad =
                WsClient.connect(server.wsBase(), "cu_bad", server.api().login("cu_bad", "secret1"), "since=yesterday");
        assertThat(bad.awaitClose()).isEqualTo(CloseCode.POLICY_VIOLATION.code());
        bad.close();
    }
}
