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
}
