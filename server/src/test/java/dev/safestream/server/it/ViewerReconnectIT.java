package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.Browser;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The viewer rides out a server restart: it shows that it is reconnecting, comes back, and keeps chatting. */
@Timeout(180)
class ViewerReconnectIT {
    @Test
    void afterTheServerRestartsTheViewerReconnectsAndChatGoesOn() {
        try (TestServer server = TestServer.start();
                Browser viewer = Browser.open("http://127.0.0.1:" + server.port())) {
            viewer.register("web_steady", "secret1", null);
            viewer.say("before the restart");
            viewer.awaitMessage("before the restart");

            server.stop();
            viewer.awaitText("connection-status", t -> t.startsWith("Reconnecting in"));
            assertThat(viewer.byTestId("chat-input").isEnabled()).isFalse();

            server.startAgainOnSamePort();
            viewer.awaitLive();
            Api api = server.api();
            String token = api.register("web_returning", "secret1");
            try (WsClient other = WsClient.connect(server.wsBase(), "web_returning", token)) {
                other.awaitType("welcome");
                other.chat("welcome back");
                viewer.awaitMessage("welcome back");
            }
            viewer.say("after the restart");
            viewer.awaitMessage("after the restart");
            assertThat(viewer.count("before the restart")).isEqualTo(1);
        }
    }

    @Test
    void aViewerWhoseSocketDropsGetsWhatItMissedOnceWhenItComesBack() {
        try (TestServer server = TestServer.start();
                Browser viewer = Browser.open("http://127.0.0.1:" + server.port())) {
            viewer.register("web_away", "secret1", null);
            Api api = server.api();
            try (WsClient talker =
                    WsClient.connect(server.wsBase(), "web_talker", api.register("web_talker", "secret1"))) {
                talker.awaitType("welcome");
                talker.chat("seen live");
                viewer.awaitMessage("seen live");

                // a role change closes the viewer's socket (4012) and it reconnects at once, naming its last event
                api.put("/api/channels/main/moderators/web_away", "", api.adminToken());
                for (int i = 0; i < 3; i++) {
                    talker.chat("missed " + i);
                }
                viewer.awaitText("connection-status", t -> !t.startsWith("Reconnecting"));
                viewer.awaitLive();
                talker.chat("live again");
                viewer.awaitMessage("live again");
                for (String text : java.util.List.of("seen live", "missed 0", "missed 1", "missed 2")) {
                    viewer.awaitMessage(text);
                    assertThat(viewer.count(text)).as(text).isEqualTo(1);
                }
            }
        }
    }
}
