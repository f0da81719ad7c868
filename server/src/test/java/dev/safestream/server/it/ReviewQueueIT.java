package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Held messages: who sees what, decisions by one and by two moderators, pre-moderation. */
@Timeout(60)
class ReviewQueueIT {
    private static final AtomicInteger NAMES = new AtomicInteger();
    private static TestServer server;
    private static Api api;
    private static String admin;
    private static String mod;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.demo.enabled = true);
        api = server.api();
        admin = api.adminToken();
        mod = api.login("demo_mod", "demo_mod");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A channel in hold_uncertain mode whose band [0.5, 0.6) holds "stupid" (0.55). */
    private static String uncertainChannel() {
        String channel = "hold" + NAMES.incrementAndGet();
        Api.Response r = api.put(
                "/api/channels/" + channel + "/moderation",
                Map.of("mode", "hold_uncertain", "thresholds", Map.of("hold_low", 0.5)),
                admin);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        return channel;
    }

    private static WsClient join(String prefix, String channel) {
        String user = prefix + "_" + NAMES.incrementAndGet();
        WsClient c = WsClient.connect(server.wsBase(), user, api.register(user, "secret1"), "channel=" + channel);
        c.awaitType("welcome");
        return c;
    }

    private static WsClient joinAs(String user, String token, String channel) {
        WsClient c = WsClient.connect(server.wsBase(), user, token, "channel=" + channel);
        c.awaitType("welcome");
        return c;
    }

    private static Api.Response decide(long id, String decision, String token) {
        return api.post(
                "/api/moderation/queue/" + id + "/decisions", Map.of("decision", decision, "reason", "r"), token);
    }

    /** Sends a marker and waits until the viewer has it, so anything sent before it would have arrived too. */
    private static void sync(WsClient sender, WsClient viewer, String marker) {
        sender.chat(marker);
        viewer.awaitChat(marker);
    }

    @Test
    void aHeldMessageIsShownOnlyToItsAuthorAndModeratorsUntilApproved() {
        String channel = uncertainChannel();
        try (WsClient author = join("author", channel);
                WsClient viewer = join("viewer", channel);
                WsClient moderator = joinAs("admin", admin, channel)) {
            author.chat("that was stupid");
            JsonNode own = author.awaitChat("that was stupid");
            assertThat(own.path("held").asBoolean()).isTrue();
            // the author learns it waits for a moderator, not the band, the score or the word that put it there
            assertThat(own.path("reason").asText()).isEqualTo("held for a moderator");
            assertThat(own.has("explanation")).isFalse();
            assertThat(own.has("categories")).isFalse();
            long id = own.path("id").asLong();

            JsonNode held = moderator.awaitType("held");
            assertThat(held.path("id").asLong()).isEqualTo(id);
            assertThat(held.path("explanation").path("words").toString()).contains("stupid");
            assertThat(moderator
                            .await(e -> "moderated".equals(e.path("type").asText())
                                    && e.path("id").asLong() == id)
                            .path("decision")
                            .asText())
                    .isEqualTo("hold");
            sync(author, viewer, "marker before approval");
            assertThat(viewer.sawChat("that was stupid")).isFalse();

            JsonNode queue =
                    api.get("/api/moderation/queue?channel=" + channel, mod).json();
            assertThat(queue.path("size").asInt()).isEqualTo(1);
            assertThat(queue.path("items").get(0).path("message_id").asLong()).isEqualTo(id);
            assertThat(queue.path("items").get(0).path("state").asText()).isEqualTo("pending");

            Api.Response approved = decide(id, "approve", mod);
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().path("published").asBoolean()).isTrue();
            JsonNode published = viewer.awaitChat("that was stupid");
            assertThat(published.path("id").asLong()).isEqualTo(id);
            assertThat(published.path("held").asBoolean()).isFalse();
            assertThat(published.has("highlighted")).isFalse();
            JsonNode decided = moderator.awaitType("decided");
            assertThat(decided.path("moderator").asText()).isEqualTo("demo_mod");
            assertThat(decided.path("state").asText()).isEqualTo("approved");
            assertThat(decided.path("published").asBoolean()).isTrue();
            assertThat(api.get("/api/moderation/queue?channel=" + channel, mod)
                            .json()
                            .path("size")
                            .asInt())
                    .isZero();
            assertThat(api.get("/api/recent?channel=" + channel, null).body()).contains("that was stupid");
        }
    }

    @Test
    void aRejectedMessageIsNeverDeliveredAndItsAuthorIsTold() {
        String channel = uncertainChannel();
        try (WsClient author = join("rejected", channel);
                WsClient viewer = join("viewer", channel)) {
            author.chat("how stupid");
            long id = author.awaitChat("how stupid").path("id").asLong();
            Api.Response r = decide(id, "reject", mod);
            assertThat(r.json().path("item").path("state").asText()).isEqualTo("rejected");
            assertThat(r.json().path("published").asBoolean()).isFalse();
            JsonNode told = author.await(e -> "chat".equals(e.path("type").asText())
                    && e.path("id").asLong() == id
                    && e.path("blocked").asBoolean());
            assertThat(told.path("reason").asText()).startsWith("a moderator rejected this message");
            sync(author, viewer, "marker after reject");
            assertThat(viewer.sawChat("how stupid")).isFalse();
            assertThat(api.get("/api/recent?channel=" + channel, null).body()).doesNotContain("how stupid");
        }
    }

    @Test
    void anApproveAfterARejectDoesNotPublish() {
        String channel = uncertainChannel();
        try (WsClient author = join("merge", channel);
                WsClient viewer = join("viewer", channel)) {
            author.chat("stupid idea");
            long id = author.awaitChat("stupid idea").path("id").asLong();
            decide(id, "reject", admin);
            Api.Response late = decide(id, "approve", mod);
            assertThat(late.status()).isEqualTo(200);
            assertThat(late.json().path("published").asBoolean()).isFalse();
            assertThat(late.json().path("item").path("state").asText()).isEqualTo("rejected");
            assertThat(late.json().path("item").path("decisions")).hasSize(2);
            sync(author, viewer, "marker after late approve");
            assertThat(viewer.sawChat("stupid idea")).isFalse();
        }
    }

    @Test
    void aRejectAfterAnApproveWinsInTheQueueButCannotUnpublish() {
        String channel = uncertainChannel();
        try (WsClient author = join("unpub", channel);
                WsClient viewer = join("viewer", channel)) {
            author.chat("stupid plan");
            long id = author.awaitChat("stupid plan").path("id").asLong();
            decide(id, "approve", admin);
            viewer.awaitChat("stupid plan");
            JsonNode late = decide(id, "reject", mod).json();
            assertThat(late.path("published").asBoolean()).isFalse();
            assertThat(late.path("item").path("state").asText()).isEqualTo("rejected");
            assertThat(late.path("item").path("published").asBoolean())
                    .as("it was broadcast")
                    .isTrue();
            JsonNode item = api.get("/api/moderation/queue/" + id, mod).json();
            assertThat(item.path("state").asText()).isEqualTo("rejected");
            assertThat(item.path("decisions").get(0).path("moderator").asText()).isEqualTo("admin");
            assertThat(item.path("decisions").get(1).path("decision").asText()).isEqualTo("reject");
            assertThat(api.get("/api/moderation/queue?state=decided&channel=" + channel, mod)
                            .body())
                    .contains("stupid plan");
            assertThat(api.get("/api/recent?channel=" + channel, null).body()).doesNotContain("stupid plan");
            String audit = api.get("/api/admin/audit?channel=" + channel, admin).body();
            assertThat(audit).contains("review_approve").contains("review_reject");
        }
    }

    @Test
    void aHighlightedMessageIsBroadcastMarked() {
        String channel = uncertainChannel();
        try (WsClient author = join("star", channel);
                WsClient viewer = join("viewer", channel)) {
            author.chat("stupid good");
            long id = author.awaitChat("stupid good").path("id").asLong();
            decide(id, "highlight", mod);
            JsonNode seen = viewer.awaitChat("stupid good");
            assertThat(seen.path("highlighted").asBoolean()).isTrue();
            assertThat(api.get("/api/recent?channel=" + channel, null).body()).contains("\"highlighted\":true");
        }
    }

    @Test
    void preModerationHoldsEveryMessageButStillBlocks() {
        String channel = "premod" + NAMES.incrementAndGet();
        api.put("/api/channels/" + channel + "/moderation", Map.of("mode", "pre_moderate"), admin);
        try (WsClient author = join("premod", channel);
                WsClient viewer = join("viewer", channel);
                WsClient moderator = joinAs("admin", admin, channel)) {
            author.chat("hello everyone");
            JsonNode own = author.awaitChat("hello everyone");
            assertThat(own.path("held").asBoolean()).isTrue();
            assertThat(own.path("reason").asText())
                    .isEqualTo("held for a moderator: this channel reviews every message");
            author.chat("kill yourself");
            assertThat(author.awaitChat("kill yourself").path("blocked").asBoolean())
                    .isTrue();
            moderator.chat("moderators are not held");
            viewer.awaitChat("moderators are not held");
            assertThat(viewer.sawChat("hello everyone")).isFalse();
            assertThat(api.get("/api/moderation/queue?channel=" + channel, mod)
                            .json()
                            .path("size")
                            .asInt())
                    .isEqualTo(1);
            decide(own.path("id").asLong(), "approve", mod);
            viewer.awaitChat("hello everyone");
        }
    }

    @Test
    void badDecisionsAreRefused() {
        assertThat(decide(999_999, "approve", mod).status()).isEqualTo(404);
        String channel = uncertainChannel();
        try (WsClient author = join("bad", channel)) {
            author.chat("stupid test");
            long id = author.awaitChat("stupid test").path("id").asLong();
            Api.Response r = decide(id, "maybe", mod);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.text("detail")).contains("approve, highlight or reject");
            assertThat(api.post("/api/moderation/queue/" + id + "/decisions", "", mod)
                            .status())
                    .isEqualTo(400);
            String viewer = api.register("queue_viewer_" + NAMES.incrementAndGet(), "secret1");
            assertThat(decide(id, "approve", viewer).status()).isEqualTo(403);
            assertThat(api.get("/api/moderation/queue", viewer).status()).isEqualTo(403);
            assertThat(api.get("/api/moderation/queue?state=odd", mod).status()).isEqualTo(400);
        }
    }
}
