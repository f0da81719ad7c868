package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Browser;
import dev.safestream.server.support.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The viewer page against the golden protocol fixtures (shared-protocol's test-jar): each server event, exactly as it
 * travels on the wire, fed to the page's event handler. Proves the browser reads the same contract the Java tests pin.
 */
@Timeout(120)
class ViewerProtocolIT {
    private static TestServer server;
    private static Browser viewer;

    @BeforeAll
    static void start() {
        // the fixtures set the badges; the server's own metrics push must not overwrite them mid-test
        server = TestServer.start(b -> b.chat.metricsInterval = Duration.ofMinutes(10));
        viewer = Browser.open("http://127.0.0.1:" + server.port());
        viewer.register("fixture_viewer", "secret1", "fixtures");
    }

    @AfterAll
    static void stop() {
        viewer.close();
        server.close();
    }

    /** Hands a fixture to the page's own Viewer (the module instance app.js created) and reports any error. */
    private static void receive(String fixture) {
        Object error = viewer.asyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/static/js/app.js')"
                        + ".then(m => { m.viewer.receive(JSON.parse(arguments[0])); done(null); })"
                        + ".catch(e => done(String(e)));",
                golden("server/" + fixture + ".json"));
        assertThat(error).as("error while handling %s", fixture).isNull();
    }

    private static WebElement messageWithId(long id) {
        Browser.await().until(() -> !viewer.allByTestId("chat-list")
                .getFirst()
                .findElements(By.cssSelector("[data-id=\"" + id + "\"]"))
                .isEmpty());
        return viewer.byTestId("chat-list").findElement(By.cssSelector("[data-id=\"" + id + "\"]"));
    }

    @Test
    void aChatEventIsShownAsADeliveredMessage() {
        receive("chat");
        WebElement message = messageWithId(1234);
        assertThat(message.getDomAttribute("data-state")).isEqualTo("delivered");
        assertThat(message.findElement(By.className("chat-user")).getText()).isEqualTo("alice");
        assertThat(message.findElement(By.className("chat-text")).getText()).isEqualTo("hello");
    }

    @Test
    void blockedEventsSayWhyTheyWereNotDelivered() {
        receive("chat-blocked");
        receive("chat-blocked-rule");
        receive("chat-blocked-severe");
        assertThat(messageWithId(1235).getText())
                .contains("Not delivered: it contains a term this channel does not allow");
        assertThat(messageWithId(1240).getText())
                .contains("Not delivered: it reads as telling someone to harm themselves");
        assertThat(messageWithId(1239).getText()).contains("Not delivered: links are not allowed in this channel");
    }

    @Test
    void heldAndHighlightedEventsAreMarked() {
        receive("chat-held");
        receive("chat-highlighted");
        assertThat(messageWithId(1237).getDomAttribute("data-state")).isEqualTo("held");
        assertThat(messageWithId(1237).getText()).contains("Awaiting review");
        assertThat(messageWithId(1238).getDomAttribute("class")).contains("highlighted");
    }

    @Test
    void giftAndMetricsEventsUpdateTheBurstAndBadges() {
        receive("gift");
        assertThat(viewer.awaitText("gift-bursts", t -> t.contains("bot sent Rose ×5")))
                .contains("bot sent Rose ×5");
        receive("metrics");
        assertThat(viewer.awaitText("viewer-count-value", "5"::equals)).isEqualTo("5");
        assertThat(viewer.byTestId("gift-total-value").getText()).isEqualTo("42");
    }

    @Test
    void aSimulatedGiftIsLabelledAndNeverATopGifter() {
        String topBefore = viewer.byTestId("top-gifters").getText();
        receive("gift-simulated");
        assertThat(viewer.awaitText("gift-bursts", t -> t.contains("(simulated)")))
                .contains("bot sent Rose ×2 (simulated)");
        assertThat(viewer.byTestId("top-gifters").getText()).isEqualTo(topBefore);
    }

    /**
     * The REST catch-up ({@code GET /api/recent}, shared-protocol's REST fixture), then the same gift live on the
     * WebSocket: both now write the same ISO-8601 {@code ts} (REST wrote epoch seconds, which made the viewer count a
     * gift seen both ways twice), so it counts once among the top gifters.
     */
    @Test
    void theRecentCatchUpFixtureShowsItsMessagesAndAGiftSeenOnBothPathsCountsOnce() {
        Object error = viewer.asyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "import('/static/js/app.js')"
                        + ".then(m => { const events = JSON.parse(arguments[0]).events;"
                        + " m.viewer.catchUp(events); m.viewer.receive(events[1]); done(null); })"
                        + ".catch(e => done(String(e)));",
                restFixture("recent"));
        assertThat(error).isNull();
        assertThat(messageWithId(1234).getText()).contains("hello");
        String topGifters = "return document.querySelector('[data-testid=top-gifters]').textContent;";
        Browser.await().until(() -> String.valueOf(viewer.script(topGifters)).contains("admin"));
        assertThat(String.valueOf(viewer.script(topGifters)))
                .contains("admin1 ")
                .doesNotContain("admin2 ");
    }

    /** A moderator's delete and clear take messages off the screen, and a late copy does not bring one back. */
    @Test
    void aDeletedMessageAndAClearedUsersMessagesLeaveTheScreen() {
        try {
            receive("chat"); // 1234, alice
            receive("chat-blocked"); // 1235, mallory
            messageWithId(1234);
            messageWithId(1235);
            receive("message-deleted"); // 1234
            receive("messages-cleared"); // mallory
            receive("chat"); // a late copy of 1234, as a catch-up could bring
            receive("chat-held"); // a marker that everything before it was handled
            messageWithId(1237);
            assertThat(viewer.byTestId("chat-list").findElements(By.cssSelector("[data-id=\"1234\"]")))
                    .isEmpty();
            assertThat(viewer.byTestId("chat-list").findElements(By.cssSelector("[data-id=\"1235\"]")))
                    .isEmpty();
        } finally {
            // the page remembers removed ids: a fresh one for the other tests
            viewer.go("/app?channel=fixtures");
            viewer.awaitLive();
        }
    }

    /** Issue 24: the channel's pin shows above the chat until it is taken down. */
    @Test
    void aPinShowsABannerUntilUnpinned() {
        receive("message-pinned");
        assertThat(viewer.awaitText("pin-text", "hello"::equals)).isEqualTo("hello");
        assertThat(viewer.byTestId("pin-user").getText()).isEqualTo("alice");
        receive("message-unpinned");
        Browser.await().until(() -> !viewer.byTestId("pin-banner").isDisplayed());
    }

    /** Issue 24: a warning shows a banner until the viewer acknowledges it. */
    @Test
    void aWarningShowsABannerUntilAcknowledged() {
        receive("warned");
        assertThat(viewer.awaitText("warning-text", t -> t.contains("keep it civil")))
                .isEqualTo("A moderator warned you: keep it civil");
        assertThat(viewer.byTestId("warning-banner").isDisplayed()).isTrue();
        viewer.byTestId("warning-acknowledge").click();
        Browser.await().until(() -> !viewer.byTestId("warning-banner").isDisplayed());
    }

    @Test
    void muteUnmuteAndErrorEventsBecomeNotices() {
        receive("muted");
        receive("unmuted");
        receive("error");
        Browser.await().until(() -> viewer.allByTestId("chat-notice").stream()
                .map(WebElement::getText)
                .toList()
                .containsAll(
                        java.util.List.of("You are muted: spam", "You can chat again", "frame is not valid JSON")));
    }

    @Test
    void slowModeErrorsPauseTheInputWithACountdown() {
        receive("error-slow-mode");
        assertThat(viewer.awaitText("mute-countdown", t -> t.startsWith("Slow mode")))
                .contains("0:0");
        assertThat(viewer.byTestId("chat-input").isEnabled()).isFalse();
    }

    @Test
    void eventsForModeratorsAndHousekeepingAreIgnoredQuietly() {
        for (String fixture : new String[] {"moderated", "moderated-allowed", "held", "decided", "pong", "welcome"}) {
            receive(fixture);
        }
        receive("chat"); // a marker that everything before it was handled
        messageWithId(1234);
        assertThat(viewer.byTestId("chat-list").findElements(By.cssSelector("[data-id=\"1236\"]")))
                .isEmpty();
    }

    /** A REST body fixture (shared-protocol's {@code dev/safestream/protocol/rest/}, also the OpenAPI examples). */
    private static String restFixture(String name) {
        try (InputStream in =
                ViewerProtocolIT.class.getResourceAsStream("/dev/safestream/protocol/rest/" + name + ".json")) {
            assertThat(in).as("REST fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String golden(String name) {
        try (InputStream in = ViewerProtocolIT.class.getResourceAsStream("/golden/" + name)) {
            assertThat(in).as("fixture %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
