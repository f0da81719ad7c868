package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.protocol.CloseCode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(90)
class PersistenceIT {

    @Test
    void messagesAccountsSanctionsAndSettingsSurviveARestart() throws Exception {
        try (TestServer server = TestServer.start(b -> b.accounts.jwtSecret = null)) {
            Api api = server.api();
            String token = api.register("durable_dan", "secret1");
            String admin = api.adminToken();
            try (WsClient c = WsClient.connect(server.wsBase(), "durable_dan", token)) {
                c.awaitType("welcome");
                for (int i = 0; i < 20; i++) {
                    c.chat("persisted " + i);
                }
                c.awaitChat("persisted 19");
            }
            api.register("banned_ben", "secret1");
            api.post("/api/admin/ban", Map.of("username", "banned_ben"), admin);
            api.patch("/api/mod/threshold", Map.of("threshold", 0.42), admin);
            assertThat(Files.exists(server.dataDir().resolve("jwt-secret"))).isTrue();

            server.restart();
            api = server.api();

            String recent = api.get("/api/recent?limit=100", null).body();
            for (int i = 0; i < 20; i++) {
                assertThat(recent).contains("persisted " + i);
            }
            assertThat(api.get("/auth/me", token).status())
                    .as("token from before the restart (persisted secret)")
                    .isEqualTo(200);
            assertThat(api.login("durable_dan", "secret1")).isNotBlank();
            assertThat(api.get("/api/mod/threshold", api.adminToken())
                            .json()
                            .path("threshold")
                            .asDouble())
                    .isEqualTo(0.42);
            try (WsClient banned =
                    WsClient.connect(server.wsBase(), "banned_ben", api.login("banned_ben", "secret1"))) {
                assertThat(banned.awaitClose()).isEqualTo(CloseCode.BANNED.code());
            }
            try (WsClient c = WsClient.connect(server.wsBase(), "durable_dan", token)) {
                c.awaitType("welcome");
                c.chat("after restart");
                long id = c.awaitChat("after restart").path("id").asLong();
                assertThat(id).as("ids continue after the stored ones").isGreaterThan(20);
            }
        }
    }

    @Test
    void adminPasswordIsGeneratedAndPrintedOnceWhenNotConfigured() throws IOException {
        try (TestServer server = TestServer.start(b -> b.accounts.adminPassword = null)) {
            String console = server.console();
            assertThat(console).contains("username: admin").contains("password: ");
            String password = console.lines()
                    .filter(l -> l.contains("password: "))
                    .findFirst()
                    .orElseThrow()
                    .substring(console.lines()
                                    .filter(l -> l.contains("password: "))
                                    .findFirst()
                                    .orElseThrow()
                                    .indexOf("password: ")
                            + "password: ".length())
                    .strip();
            assertThat(server.api().login("admin", password)).isNotBlank();
            Path file = server.dataDir().resolve("initial-admin-password");
            assertThat(file).content().isEqualToIgnoringNewLines(password);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
            server.restart();
            assertThat(server.console().split("password: ", -1)).hasSize(2);
        }
    }
}
