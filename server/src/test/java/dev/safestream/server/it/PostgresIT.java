package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.LocalPostgres;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server on PostgreSQL ({@code DATABASE_URL}) instead of the embedded H2: the same Flyway migrations, and every
 * repository written and read back across a restart.
 */
@Timeout(180)
class PostgresIT {
    private static LocalPostgres postgres;

    @BeforeAll
    static void start() {
        postgres = LocalPostgres.start();
    }

    @AfterAll
    static void stop() {
        postgres.close();
    }

    private static TestServer server() {
        return TestServer.start(b -> {
            b.storage.databaseUrl = postgres.url();
            b.storage.databaseUser = LocalPostgres.USER;
        });
    }

    @Test
    void heldMessagesAndSettingsSurviveARestart() {
        try (TestServer server = server()) {
            ModerationPersistenceIT.heldMessagesAndSettingsSurviveARestart(server);
        }
    }

    @Test
    void accountsChannelsMessagesGiftsAndSanctions() {
        try (TestServer server = server()) {
            Api api = server.api();
            String admin = api.adminToken();
            api.register("pg_sam", "secret1");
            api.register("pg_kim", "secret1");
            String lou = api.register("pg_lou", "secret1");
            api.put("/api/admin/users/pg_sam/role", Map.of("role", "streamer"), admin);
            assertThat(api.get("/api/admin/users?query=pg_&role=streamer", admin)
                            .json()
                            .path("users"))
                    .hasSize(1);
            String sam = api.login("pg_sam", "secret1");
            assertThat(api.post("/api/channels", Map.of("name", "pgchan"), sam).status())
                    .isEqualTo(201);
            api.put("/api/channels/pgchan/moderators/pg_kim", "", sam);
            String kim = api.login("pg_kim", "secret1");

            try (WsClient c = WsClient.connect(server.wsBase(), "pg_lou", lou, "channel=pgchan")) {
                c.awaitType("welcome");
                c.chat("hello postgres");
                c.awaitChat("hello postgres");
                assertThat(api.post("/api/gift?channel=pgchan", Map.of("gift_id", 1, "amount", 2), lou)
                                .status())
                        .isEqualTo(202);
                assertThat(api.post(
                                        "/api/admin/mute",
                                        Map.of("username", "pg_lou", "channel", "pgchan", "duration_seconds", 60),
                                        kim)
                                .status())
                        .isEqualTo(200);
                assertThat(api.post("/api/admin/ban", Map.of("username", "pg_lou", "channel", "pgchan"), kim)
                                .status())
                        .isEqualTo(200);
            }
            assertThat(api.post("/api/gift?channel=pgchan", Map.of("gift_id", 1, "amount", 1), lou)
                            .status())
                    .isEqualTo(403);
            String recent = api.get("/api/recent?channel=pgchan", null).body();
            assertThat(recent).contains("hello postgres").contains("gift");
            assertThat(api.get("/api/admin/audit?channel=pgchan", kim).body())
                    .contains("\"mute\"")
                    .contains("\"ban\"")
                    .contains("appoint_moderator");

            server.restart();
            api = server.api();
            admin = api.adminToken();
            assertThat(api.get("/api/channels/pgchan/moderators", api.login("pg_sam", "secret1"))
                            .body())
                    .contains("pg_kim");
            String renamed = api.delete("/api/admin/users/pg_lou", admin).text("records_renamed_to");
            assertThat(api.get("/api/recent?channel=pgchan", null).body())
                    .doesNotContain("pg_lou")
                    .contains(renamed);
            assertThat(api.get("/api/moderation/labels", admin).status()).isEqualTo(200);
        }
    }
}
