package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.Browser;
import dev.safestream.server.support.TestServer;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * What moderation looks like in the viewer: blocked messages only their author sees (marked not delivered), held
 * messages awaiting review until a moderator approves them, flagged messages marked. The test server moderates with
 * the blocked-terms classifier (flag at 0.6, block at 0.9).
 */
@Timeout(180)
class ViewerModerationIT {
    private static final AtomicInteger CHANNELS = new AtomicInteger();
    private static TestServer server;
    private static Api api;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
        admin = api.adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Browser browser() {
        return Browser.open("http://127.0.0.1:" + server.port());
    }

    @Test
    void aBlockedMessageIsMarkedNotDeliveredForItsSenderAndNeverShownToOthers() {
        String channel = "mod-" + CHANNELS.incrementAndGet();
        try (Browser rude = browser();
                Browser other = browser()) {
            rude.register("web_rude", "secret1", channel);
            other.register("web_witness", "secret1", channel);

            rude.say("you are a f.u.c.k.i.n.g idiot, kys");
            WebElement blocked = rude.awaitMessage("you are a f.u.c.k.i.n.g idiot, kys");
            assertThat(blocked.getDomAttribute("data-state")).isEqualTo("blocked");
            assertThat(blocked.findElement(By.className("chat-status")).getText())
                    .startsWith("Not delivered:");

            rude.say("sorry, got carried away");
            other.awaitMessage("sorry, got carried away");
            assertThat(other.message("you are a f.u.c.k.i.n.g idiot, kys")).isNull();
        }
    }

    @Test
    void aHeldMessageAwaitsReviewThenAppearsForEveryoneOnceApproved() {
        String channel = "premod-" + CHANNELS.incrementAndGet();
        assertThat(api.put("/api/channels/" + channel + "/moderation", Map.of("mode", "pre_moderate"), admin)
                        .status())
                .isBetween(200, 299);
        try (Browser author = browser();
                Browser other = browser()) {
            author.register("web_author", "secret1", channel);
            other.register("web_reader2", "secret1", channel);

            author.say("is anyone reviewing this?");
            WebElement held = author.awaitMessage("is anyone reviewing this?");
            assertThat(held.getDomAttribute("data-state")).isEqualTo("held");
            assertThat(held.getText()).contains("Awaiting review");
            assertThat(other.message("is anyone reviewing this?")).isNull();

            long id = api.get("/api/moderation/queue?channel=" + channel, admin)
                    .json()
                    .path("items")
                    .get(0)
                    .path("message_id")
                    .asLong();
            assertThat(api.post(
                                    "/api/moderation/queue/" + id + "/decisions",
                                    Map.of("decision", "approve", "reason", "fine"),
                                    admin)
                            .status())
                    .isBetween(200, 299);

            assertThat(other.awaitMessage("is anyone reviewing this?").getDomAttribute("data-state"))
                    .isEqualTo("delivered");
            Browser.await().until(() -> "delivered"
                    .equals(author.message("is anyone reviewing this?").getDomAttribute("data-state")));
            assertThat(author.count("is anyone reviewing this?")).isEqualTo(1);
        }
    }

    @Test
    void aFlaggedMessageIsDeliveredAndMarked() {
        String channel = "mod-" + CHANNELS.incrementAndGet();
        try (Browser sender = browser();
                Browser other = browser()) {
            sender.register("web_edgy", "secret1", channel);
            other.register("web_watcher", "secret1", channel);
            sender.say("i will find you");
            WebElement flagged = other.awaitMessage("i will find you");
            assertThat(flagged.getDomAttribute("data-state")).isEqualTo("flagged");
            assertThat(flagged.getText()).contains("Flagged");
        }
    }
}
