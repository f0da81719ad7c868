package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.protocol.CloseCode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Issue 12's "done means", against a server with the shipped default (only existing channels): an admin makes a
 * streamer, hands them main, the streamer creates a channel and appoints a moderator, who moderates that channel only
 * and cannot act above their rank; role changes, disabling and password resets take effect at once.
 */
@Timeout(60)
class ChannelRolesIT {
    private static TestServer server;
    private static Api api;
    private static String admin;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.chat.openChannels = false);
        api = server.api();
        admin = api.adminToken();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static String login(String user) {
        return api.login(user, "secret1");
    }

    @Test
    void aStreamerGetsMainAppointsAModeratorWhoModeratesOnlyTheirChannels() {
        String oldToken = api.register("streamer1", "secret1");
        api.register("friend1", "secret1");
        api.register("troll1", "secret1");
        assertThat(api.put("/api/admin/users/streamer1/role", Map.of("role", "streamer"), admin)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/auth/me", oldToken).status()).as("the old token").isEqualTo(401);
        String streamer = login("streamer1");
        assertThat(api.put("/api/channels/main/owner", Map.of("username", "streamer1"), admin)
                        .status())
                .isEqualTo(200);
        assertThat(api.post("/api/channels", Map.of("name", "gaming1"), streamer)
                        .status())
                .isEqualTo(201);
        assertThat(api.post("/api/channels", Map.of("name", "gaming1"), streamer)
                        .status())
                .isEqualTo(409);
        assertThat(api.put("/api/channels/gaming1/moderators/friend1", "", streamer)
                        .status())
                .isEqualTo(200);
        assertThat(api.get("/api/channels/gaming1/moderators", streamer).json().path("moderators"))
                .extracting(Object::toString)
                .containsExactly("\"friend1\"");

        String friend = login("friend1");
        try (WsClient troll = WsClient.connect(server.wsBase(), "troll1", login("troll1"), "channel=gaming1")) {
            troll.awaitType("welcome");
            Api.Response muted = api.post(
                    "/api/admin/mute",
                    Map.of("username", "troll1", "channel", "gaming1", "duration_seconds", 60),
                    friend);
            assertThat(muted.status()).isEqualTo(200);
        }
        Api.Response elsewhere = api.post(
                "/api/admin/mute", Map.of("username", "troll1", "channel", "main", "duration_seconds", 60), friend);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.text("detail")).contains("You do not moderate #main");

        Api.Response onTheOwner =
                api.post("/api/admin/ban", Map.of("username", "streamer1", "channel", "gaming1"), friend);
        assertThat(onTheOwner.status()).isEqualTo(403);
        assertThat(onTheOwner.text("detail")).contains("the channel's owner");
        Api.Response onTheAdmin =
                api.post("/api/admin/kick", Map.of("username", "admin", "channel", "gaming1"), friend);
        assertThat(onTheAdmin.status()).isEqualTo(403);
        assertThat(api.get("/api/admin/audit?channel=gaming1", streamer).body())
                .contains("refused_ban")
                .contains("appoint_moderator");

        // a viewer cannot create channels or appoint; the moderator cannot appoint either
        assertThat(api.post("/api/channels", Map.of("name", "mine1"), friend).status())
                .isEqualTo(403);
        assertThat(api.put("/api/channels/gaming1/moderators/troll1", "", friend)
                        .status())
                .isEqualTo(403);
    }

    @Test
    void channelsThatDoNotExistAreRefused() {
        try (WsClient c =
                WsClient.connect(server.wsBase(), "nowhere1", api.register("nowhere1", "secret1"), "channel=nowhere")) {
            assertThat(c.awaitClose()).isEqualTo(CloseCode.UNKNOWN_CHANNEL.code());
        }
        String viewer = login("nowhere1");
        assertThat(api.post("/api/gift?channel=nowhere", Map.of("gift_id", 1, "amount", 1), viewer)
                        .status())
                .isEqualTo(404);
    }

    @Test
    void aRoleChangeClosesOpenConnectionsAtOnce() {
        try (WsClient c = WsClient.connect(server.wsBase(), "rerole1", api.register("rerole1", "secret1"))) {
            c.awaitType("welcome");
            api.put("/api/admin/users/rerole1/role", Map.of("role", "moderator"), admin);
            assertThat(c.awaitClose()).isEqualTo(CloseCode.ACCOUNT_CHANGED.code());
        }
        assertThat(api.get("/api/admin/users?query=rerole", admin)
                        .json()
                        .path("users")
                        .get(0)
                        .path("role")
                        .asText())
                .isEqualTo("moderator");
    }

    @Test
    void aDisabledAccountCannotLogInOrUseItsToken() {
        String token = api.register("disabled1", "secret1");
        assertThat(api.post("/api/admin/users/disabled1/disable", "", admin).status())
                .isEqualTo(200);
        assertThat(api.get("/auth/me", token).status()).isEqualTo(401);
        assertThat(api.postForm("/auth/login", Map.of("username", "disabled1", "password", "secret1"))
                        .status())
                .isEqualTo(403);
        api.post("/api/admin/users/disabled1/enable", "", admin);
        assertThat(api.get("/auth/me", login("disabled1")).status()).isEqualTo(200);
    }

    @Test
    void aTemporaryPasswordMustBeChangedBeforeAnythingElse() {
        api.register("forgetful1", "secret1");
        Api.Response reset = api.post("/api/admin/users/forgetful1/password", "", admin);
        assertThat(reset.status()).isEqualTo(200);
        Api.Response login = api.postForm(
                "/auth/login", Map.of("username", "forgetful1", "password", reset.text("temporary_password")));
        assertThat(login.json().path("must_change_password").asBoolean()).isTrue();
        String temporary = login.text("access_token");
        assertThat(api.get("/auth/me", temporary).status()).isEqualTo(403);
        Api.Response weak = api.post(
                "/auth/password",
                Map.of("current_password", reset.text("temporary_password"), "new_password", "password"),
                temporary);
        assertThat(weak.status()).isEqualTo(400);
        Api.Response changed = api.post(
                "/auth/password",
                Map.of("current_password", reset.text("temporary_password"), "new_password", "a-new-secret"),
                temporary);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(api.get("/auth/me", changed.text("access_token")).status()).isEqualTo(200);
    }

    @Test
    void aBannedUserCannotGiftIntoTheChannel() {
        String token = api.register("banned1", "secret1");
        try (WsClient c = WsClient.connect(server.wsBase(), "banned1", token)) {
            c.awaitType("welcome");
            assertThat(api.post("/api/admin/ban", Map.of("username", "banned1"), admin)
                            .status())
                    .isEqualTo(200);
            c.awaitClose();
        }
        Api.Response gift = api.post("/api/gift", Map.of("gift_id", 1, "amount", 1), token);
        assertThat(gift.status()).isEqualTo(403);
        assertThat(gift.text("detail")).contains("banned");
    }

    @Test
    void commonPasswordsAndTheUsernameAreRefused() {
        assertThat(api.post("/auth/register", Map.of("username", "weak1", "password", "password"), null)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/auth/register", Map.of("username", "samename", "password", "samename"), null)
                        .text("detail"))
                .contains("username");
    }
}
