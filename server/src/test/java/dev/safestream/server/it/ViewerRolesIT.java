package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.Browser;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Channel roles in the viewer page: badges next to the owner's and moderators' names and on their user cards; a
 * channel that does not exist (4004) says so.
 */
@Timeout(120)
class ViewerRolesIT {
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.chat.openChannels = false);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theOwnerAndModeratorsCarryBadgesAndTheirCardsSaySo() {
        String admin = api.adminToken();
        api.register("web_owner", "secret1");
        api.register("web_mod", "secret1");
        api.put("/api/admin/users/web_owner/role", Map.of("role", "streamer"), admin);
        String owner = api.login("web_owner", "secret1");
        assertThat(api.post("/api/channels", Map.of("name", "badges"), owner).status())
                .isEqualTo(201);
        api.put("/api/channels/badges/moderators/web_mod", "", owner);

        try (Browser viewer = Browser.open("http://127.0.0.1:" + server.port());
                WsClient ownerSocket = WsClient.connect(server.wsBase(), "web_owner", owner, "channel=badges");
                WsClient modSocket = WsClient.connect(
                        server.wsBase(), "web_mod", api.login("web_mod", "secret1"), "channel=badges")) {
            viewer.register("web_watcher", "secret1", "badges");
            ownerSocket.awaitType("welcome");
            modSocket.awaitType("welcome");
            ownerSocket.chat("welcome to my stream");
            modSocket.chat("be nice, everyone");
            viewer.say("hello!");

            assertThat(badge(viewer.awaitMessage("welcome to my stream"))).isEqualTo("owner");
            assertThat(badge(viewer.awaitMessage("be nice, everyone"))).isEqualTo("moderator");
            assertThat(badge(viewer.awaitMessage("hello!"))).isEmpty();

            viewer.message("be nice, everyone")
                    .findElement(By.className("chat-user"))
                    .click();
            assertThat(viewer.awaitVisible("user-card").getText()).contains("web_mod");
            assertThat(viewer.byTestId("user-card-role").getText()).isEqualToIgnoringCase("Moderator");
            viewer.byTestId("user-card-close").click();
            viewer.message("welcome to my stream")
                    .findElement(By.className("chat-user"))
                    .click();
            assertThat(viewer.awaitVisible("user-card-role").getText()).isEqualToIgnoringCase("Channel owner");
        }
    }

    @Test
    void aChannelThatDoesNotExistSaysSo() {
        try (Browser viewer = Browser.open("http://127.0.0.1:" + server.port())) {
            // the socket closes with 4004 before the page goes live, so the registration is not awaited as usual
            viewer.go("/login?next=%2Fapp%3Fchannel%3Dno-such-channel");
            viewer.type("register-username", "web_lost");
            viewer.type("register-password", "secret1");
            viewer.byTestId("register-submit").click();
            assertThat(viewer.awaitVisible("session-banner").getText()).contains("does not exist");
        }
    }

    private static String badge(WebElement message) {
        return message.findElement(By.className("role-badge")).getDomAttribute("data-role");
    }
}
