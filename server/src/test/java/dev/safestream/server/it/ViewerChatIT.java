package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.Browser;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.nio.file.Files;
import java.nio.file.Path;
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
        server = TestServer.start();
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

    /** Writes docs/images/viewer.png: the stream page with live chat, a flagged message, a gift and top gifters. */
    @Test
    void theStreamPageWithLiveChatIsCapturedForTheReadme() throws Exception {
        String channel = channel();
        String streamer = api.login("admin", TestServer.ADMIN_PASSWORD);
        Map<String, String> lines = Map.of(
                "web_mia", "hello from Lisbon 👋",
                "web_kai", "that combo was insane 🔥",
                "web_zoe", "what game is next?",
                "web_leo", "i will find you");
        try (Browser viewer = browser()) {
            viewer.register("web_you", "secret1", channel);
            for (var line : lines.entrySet()) {
                String token = api.register(line.getKey(), "secret1");
                try (WsClient client = WsClient.connect(server.wsBase(), line.getKey(), token, "channel=" + channel)) {
                    client.awaitType("welcome");
                    client.chat(line.getValue());
                    viewer.awaitMessage(line.getValue());
                }
            }
            viewer.say("this chat is so wholesome ❤️");
            api.post("/api/gift", Map.of("from", "web_mia", "gift_id", 5, "amount", 2, "channel", channel), streamer);
            viewer.awaitVisible("gift-burst");
            viewer.byTestId("heart-button").click();
            viewer.byTestId("heart-button").click();
            assertThat(viewer.awaitMessage("i will find you").getDomAttribute("data-state"))
                    .isEqualTo("flagged");

            Path file = Path.of(System.getProperty("viewer.screenshot", "target/viewer.png"));
            viewer.screenshot(file);
            assertThat(Files.size(file)).isPositive();
        }
    }
}
