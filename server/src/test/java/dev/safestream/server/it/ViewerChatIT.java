package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.Browser;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** Chatting in the viewer page: two browsers, catch-up, text safety, scrolling and bounded history. */
@Timeout(180)
class ViewerChatIT {
    private static final AtomicInteger CHANNELS = new AtomicInteger();
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        // badges come from the figures fetched on connect; a periodic push would make the screenshot vary
        server = TestServer.start(b -> b.chat.metricsInterval = Duration.ofMinutes(10));
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Browser browser() {
        return Browser.open("http://127.0.0.1:" + server.port());
    }

    private static String channel() {
        return "chat-" + CHANNELS.incrementAndGet();
    }

    @Test
    void twoViewersSeeEachOthersMessagesAndTheirOwnExactlyOnce() {
        String channel = channel();
        try (Browser alice = browser();
                Browser bob = browser()) {
            alice.register("web_alice", "secret1", channel);
            bob.register("web_bob", "secret1", channel);

            alice.say("hi bob, can you see this?");
            bob.awaitMessage("hi bob, can you see this?");
            bob.say("loud and clear, alice");
            alice.awaitMessage("loud and clear, alice");

            WebElement own = alice.awaitMessage("hi bob, can you see this?");
            assertThat(own.getDomAttribute("class")).contains("own");
            assertThat(own.getDomAttribute("data-state")).isEqualTo("delivered");
            assertThat(alice.count("hi bob, can you see this?")).isEqualTo(1);
            assertThat(bob.message("hi bob, can you see this?")
                            .findElement(By.className("chat-user"))
                            .getText())
                    .isEqualTo("web_alice");
        }
    }

    @Test
    void aLateViewerCatchesUpOnRecentMessages() {
        String channel = channel();
        String token = api.register("web_early", "secret1");
        try (WsClient early = WsClient.connect(server.wsBase(), "web_early", token, "channel=" + channel)) {
            early.awaitType("welcome");
            early.chat("said before you came");
            early.awaitChat("said before you came");
        }
        try (Browser late = browser()) {
            late.register("web_late", "secret1", channel);
            assertThat(late.awaitMessage("said before you came")).isNotNull();
            assertThat(late.count("said before you came")).isEqualTo(1);
        }
    }

    @Test
    void messagesAreShownAsTextNeverAsHtml() {
        String channel = channel();
        String markup = "<img src=x onerror=\"document.title='pwned'\"><b>bold</b>";
        try (Browser viewer = browser()) {
            viewer.register("web_markup", "secret1", channel);
            viewer.say(markup);
            WebElement message = viewer.awaitMessage(markup);
            assertThat(message.findElements(By.tagName("img"))).isEmpty();
            assertThat(message.findElements(By.tagName("b"))).isEmpty();
            assertThat(viewer.script("return document.title")).isNotEqualTo("pwned");
        }
    }

    @Test
    void aReaderWhoScrolledUpGetsANewMessagesPillAndHistoryStaysBounded() {
        String channel = channel();
        String token = api.register("web_flood", "secret1");
        try (Browser reader = browser();
                WsClient talker = WsClient.connect(server.wsBase(), "web_flood", token, "channel=" + channel)) {
            reader.register("web_reader", "secret1", channel);
            talker.awaitType("welcome");
            for (int i = 1; i <= 30; i++) {
                talker.chat("line " + i);
            }
            reader.awaitMessage("line 30");
            reader.script("arguments[0].scrollTop = 0", reader.byTestId("chat-list"));
            talker.chat("while you were reading");
            reader.awaitMessage("while you were reading");
            assertThat(reader.awaitVisible("new-messages").getText()).contains("1 new message");

            reader.byTestId("new-messages").click();
            Browser.await().until(() -> !reader.byTestId("new-messages").isDisplayed());

            for (int i = 31; i <= 230; i++) {
                talker.chat("line " + i);
            }
            reader.awaitMessage("line 230");
            assertThat(reader.allByTestId("chat-list").getFirst().findElements(By.tagName("li")))
                    .hasSizeLessThanOrEqualTo(200);
            assertThat(reader.message("line 1")).isNull();
        }
    }

    /**
     * Writes target/screenshots/viewer.png (the README shows a copy in docs/images/): the stream page with live chat, a flagged message, a gift and top gifters
     * (no hearts: they drift at random). With
     * reduced motion (which the page must respect: nothing animates) and a fixed script, so the image only changes
     * when the page does.
     */
    @Test
    void theStreamPageWithLiveChatIsCapturedForTheReadme() throws Exception {
        String admin = api.adminToken();
        List<List<String>> lines = List.of(
                List.of("web_mia", "hello from Lisbon 👋"),
                List.of("web_kai", "that combo was insane 🔥"),
                List.of("web_zoe", "what game is next?"),
                List.of("web_leo", "i will find you"));
        List<WsClient> audience = new ArrayList<>();
        try (Browser viewer = browser()) {
            for (List<String> line : lines) {
                String name = line.get(0);
                WsClient client =
                        WsClient.connect(server.wsBase(), name, api.register(name, "secret1"), "channel=main");
                audience.add(client);
                client.awaitType("welcome");
            }
            viewer.preferReducedMotion();
            viewer.register("web_you", "secret1", "main");
            for (int i = 0; i < lines.size(); i++) {
                audience.get(i).chat(lines.get(i).get(1));
                viewer.awaitMessage(lines.get(i).get(1));
            }
            viewer.say("this chat is so wholesome ❤️");
            viewer.awaitMessage("this chat is so wholesome ❤️");
            api.post("/api/gift", Map.of("from", "web_mia", "gift_id", 5, "amount", 2, "channel", "main"), admin);
            WebElement burst = viewer.awaitVisible("gift-burst");
            assertThat(viewer.script("return getComputedStyle(arguments[0]).animationName", burst))
                    .isEqualTo("none");
            assertThat(viewer.message("i will find you").getDomAttribute("data-state"))
                    .isEqualTo("flagged");
            assertThat(viewer.byTestId("viewer-count-value").getText()).isEqualTo("5");

            viewer.script("document.activeElement.blur()"); // no blinking caret in the picture
            Path file = Path.of(System.getProperty("viewer.screenshot", "target/viewer.png"));
            viewer.screenshot(file);
            assertThat(Files.size(file)).isPositive();
        } finally {
            audience.forEach(WsClient::close);
        }
    }
}
