package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 24, items 1 and 2: a moderator takes a shown message back, or clears a user's messages with a ban, mute or
 * kick. Viewers see it go; /api/recent and catch-up no longer serve it; it stays stored and audited.
 */
@Timeout(60)
class DeleteMessagesIT {
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.demo.enabled = true);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static boolean recentHas(String channel, String text) {
        JsonNode events = api.get("/api/recent?channel=" + channel, null).json().path("events");
        return StreamSupport.stream(events.spliterator(), false)
                .anyMatch(e -> text.equals(e.path("message").asText()));
    }

    @Test
    void aDeletedMessageLeavesEveryScreenRecentAndCatchUpButStaysAudited() {
        String admin = api.adminToken();
        String author = api.register("del_author", "secret1");
        String viewer = api.register("del_viewer", "secret1");
        try (WsClient writer = WsClient.connect(server.wsBase(), "del_author", author, "channel=dm");
                WsClient watcher = WsClient.connect(server.wsBase(), "del_viewer", viewer, "channel=dm")) {
            writer.awaitType("welcome");
            watcher.awaitType("welcome");
            writer.chat("before it");
            String before = watcher.awaitChat("before it").path("event_id").asText();
            writer.chat("take this back");
            long id = watcher.awaitChat("take this back").path("id").asLong();
            assertThat(recentHas("dm", "take this back")).isTrue();

            Api.Response refused = api.delete("/api/channels/dm/messages/" + id, viewer);
            assertThat(refused.status()).as("a viewer").isEqualTo(403);

            Api.Response deleted = api.delete("/api/channels/dm/messages/" + id + "?reason=doxxing", admin);
            assertThat(deleted.status()).as(deleted.body()).isEqualTo(200);
            assertThat(deleted.text("status")).isEqualTo("deleted");
            JsonNode event = watcher.awaitType("message_deleted");
            assertThat(event.path("id").asLong()).isEqualTo(id);
            assertThat(event.path("channel").asText()).isEqualTo("dm");
            assertThat(event.path("by").asText()).isEqualTo("admin");
            writer.awaitType("message_deleted");
            assertThat(recentHas("dm", "take this back")).isFalse();
            assertThat(recentHas("dm", "before it")).isTrue();

            try (WsClient late =
                    WsClient.connect(server.wsBase(), "del_viewer", viewer, "channel=dm&since=" + before)) {
                late.awaitType("message_deleted"); // replayed after the deleted message's place
                assertThat(late.sawChat("take this back"))
                        .as("catch-up replays the deleted message")
                        .isFalse();
            }
            assertThat(api.delete("/api/channels/dm/messages/" + id, admin).text("status"))
                    .isEqualTo("already_deleted");
        }
        JsonNode audit = api.get("/api/admin/audit?channel=dm", admin).json();
        JsonNode entry = StreamSupport.stream(audit.spliterator(), false)
                .filter(e -> "delete_message".equals(e.path("action").asText()))
                .findFirst()
                .orElseThrow();
        assertThat(entry.path("target").asText()).isEqualTo("del_author");
        assertThat(entry.path("reason").asText()).contains("doxxing");
    }

    @Test
    void aModeratorMustOutrankTheAuthorAndNameAMessageOfThatChannel() {
        String admin = api.adminToken();
        String moderator = api.login("demo_mod", "demo_mod");
        long adminsMessage;
        try (WsClient adminSocket = WsClient.connect(server.wsBase(), "admin", admin, "channel=main")) {
            adminSocket.awaitType("welcome");
            adminSocket.chat("the admin speaks");
            adminsMessage = adminSocket.awaitChat("the admin speaks").path("id").asLong();
        }
        Api.Response outranked = api.delete("/api/channels/main/messages/" + adminsMessage, moderator);
        assertThat(outranked.status()).as(outranked.body()).isEqualTo(403);
        assertThat(recentHas("main", "the admin speaks")).isTrue();

        assertThat(api.delete("/api/channels/other/messages/" + adminsMessage, admin)
                        .status())
                .as("the message is in main, not in other")
                .isEqualTo(404);
        assertThat(api.delete("/api/channels/main/messages/999999999", admin).status())
                .isEqualTo(404);
    }

    @Test
    void aBanWithClearMessagesTakesAllOfTheUsersMessagesBack() {
        String admin = api.adminToken();
        String spammer = api.register("clear_spammer", "secret1");
        String viewer = api.register("clear_viewer", "secret1");
        try (WsClient watcher = WsClient.connect(server.wsBase(), "clear_viewer", viewer, "channel=cm")) {
            watcher.awaitType("welcome");
            try (WsClient spam = WsClient.connect(server.wsBase(), "clear_spammer", spammer, "channel=cm")) {
                spam.awaitType("welcome");
                spam.chat("buy followers one");
                spam.chat("buy followers two");
                watcher.awaitChat("buy followers two");
            }
            assertThat(recentHas("cm", "buy followers two"))
                    .as("stored before it was delivered")
                    .isTrue();
            Api.Response ban = api.post(
                    "/api/admin/ban",
                    Map.of("username", "clear_spammer", "reason", "spam", "channel", "cm", "clear_messages", true),
                    admin);
            assertThat(ban.status()).as(ban.body()).isEqualTo(200);
            JsonNode cleared = watcher.awaitType("messages_cleared");
            assertThat(cleared.path("user").asText()).isEqualTo("clear_spammer");
            assertThat(cleared.path("channel").asText()).isEqualTo("cm");
        }
        assertThat(recentHas("cm", "buy followers one")).isFalse();
        assertThat(recentHas("cm", "buy followers two")).isFalse();
    }
}
