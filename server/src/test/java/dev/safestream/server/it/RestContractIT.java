package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.safestream.protocol.ProtocolJson;
import dev.safestream.protocol.rest.AuditRecord;
import dev.safestream.protocol.rest.CurrentUser;
import dev.safestream.protocol.rest.TokenResponse;
import dev.safestream.protocol.rest.UserActionResult;
import dev.safestream.protocol.rest.UserProfile;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The server's REST answers are exactly the shared-protocol records: read strictly (an unknown field fails), and
 * timestamps are ISO-8601 text as on the WebSocket.
 */
@Timeout(60)
class RestContractIT {
    private static final ObjectMapper STRICT =
            new ProtocolJson().mapper().copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

    @Test
    void accountTimestampsAreIsoText() throws IOException {
        TokenResponse token = read(
                api.post("/auth/register", Map.of("username", "rc_alice", "password", "secret1"), null),
                TokenResponse.class);
        Api.Response me = api.get("/auth/me", token.accessToken());
        assertThat(me.json().path("created_at").isTextual()).isTrue();
        assertThat(read(me, CurrentUser.class).createdAt()).isBeforeOrEqualTo(Instant.now());
        Api.Response profile = api.get("/api/users/rc_alice", admin);
        assertThat(profile.json().path("created_at").isTextual()).isTrue();
        assertThat(read(profile, UserProfile.class).username()).isEqualTo("rc_alice");
    }

    @Test
    void adminActionsAnswerWithTypedResultsAndTheAuditLogWithIsoTimes() throws IOException {
        api.register("rc_bob", "secret1");
        Api.Response muted = api.post(
                "/api/admin/mute", Map.of("username", "rc_bob", "duration_seconds", 60, "reason", "spam"), admin);
        UserActionResult result = read(muted, UserActionResult.class);
        assertThat(result.status()).isEqualTo("muted");
        assertThat(result.mutedUntil()).isAfter(Instant.now());
        assertThat(muted.json().path("muted_until").isTextual()).isTrue();
        assertThat(read(api.post("/api/admin/unban", Map.of("username", "rc_bob"), admin), UserActionResult.class))
                .isEqualTo(UserActionResult.unbanned("rc_bob", false));

        Api.Response audit = api.get("/api/admin/audit?channel=main", admin);
        List<AuditRecord> records = STRICT.readValue(
                audit.body(), STRICT.getTypeFactory().constructCollectionType(List.class, AuditRecord.class));
        assertThat(records).anySatisfy(r -> {
            assertThat(r.action()).isEqualTo("mute");
            assertThat(r.durationSeconds()).isEqualTo(60L);
        });
        assertThat(audit.json().get(0).path("at").isTextual()).isTrue();
    }

    private static <T> T read(Api.Response response, Class<T> type) throws IOException {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return STRICT.readValue(response.body(), type);
    }
}
