package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.Browser;
import dev.safestream.server.support.TestServer;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Moderator actions as the viewer experiences them: mute countdown, kick and ban messages without a reconnect loop. */
@Timeout(180)
class ViewerSanctionsIT {
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

    private static int viewers(String channel) {
        return api.get("/metrics?channel=" + channel, null)
                .json()
                .path("viewer_count")
                .asInt();
    }

    @Test
    void aMutedViewerCannotTypeAndSeesACountdownUntilUnmuted() {
        String channel = "sanction-" + CHANNELS.incrementAndGet();
        try (Browser viewer = browser()) {
            viewer.register("web_muted", "secret1", channel);
            api.post(
                    "/api/admin/mute",
                    Map.of("username", "web_muted", "duration_seconds", 90, "reason", "cool off", "channel", channel),
                    admin);

            String countdown = viewer.awaitText("mute-countdown", t -> t.startsWith("Muted"));
            assertThat(countdown).matches("Muted: you can chat again in 1:[23][0-9]");
            assertThat(viewer.byTestId("chat-input").isEnabled()).isFalse();
            assertThat(viewer.byTestId("chat-send").isEnabled()).isFalse();

            api.post("/api/admin/unmute", Map.of("username", "web_muted", "channel", channel), admin);
            Browser.await().until(() -> viewer.byTestId("chat-input").isEnabled());
            assertThat(viewer.byTestId("mute-countdown").isDisplayed()).isFalse();
        }
    }

    @Test
    void aKickedViewerIsToldAndDoesNotReconnectUntilTheyChooseTo() {
        String channel = "sanction-" + CHANNELS.incrementAndGet();
        try (Browser viewer = browser()) {
            viewer.register("web_kicked", "secret1", channel);
            api.post("/api/admin/kick", Map.of("username", "web_kicked", "channel", channel), admin);

            assertThat(viewer.awaitVisible("session-banner").getText()).contains("A moderator removed you");
            viewer.awaitState("connection-status", "kicked");
            assertThat(viewer.byTestId("chat-input").isEnabled()).isFalse();
            // no reconnect loop: for two seconds the page stays off the channel
            Browser.await()
                    .during(Duration.ofSeconds(2))
                    .atMost(Duration.ofSeconds(5))
                    .until(() -> "kicked".equals(viewer.state("connection-status")) && viewers(channel) == 0);

            viewer.byTestId("rejoin").click();
            viewer.awaitLive();
        }
    }

    @Test
    void aBannedViewerIsToldAndCannotRejoin() {
        String channel = "sanction-" + CHANNELS.incrementAndGet();
        try (Browser viewer = browser()) {
            viewer.register("web_banned", "secret1", channel);
            api.post(
                    "/api/admin/ban",
                    Map.of("username", "web_banned", "channel", channel, "reason", "spam links"),
                    admin);

            assertThat(viewer.awaitVisible("session-banner").getText()).contains("banned");
            viewer.awaitState("connection-status", "banned");
            assertThat(viewer.byTestId("rejoin").isDisplayed()).isFalse();
        }
    }
}
