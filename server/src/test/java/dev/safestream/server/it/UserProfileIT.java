package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class UserProfileIT {
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

    @Test
    void moderatorsSeeAnAccountsRoleAndAgeButNotItsEmail() {
        api.post("/auth/register", java.util.Map.of("username", "pia", "password", "secret1", "email", "p@x.io"), null);

        Api.Response r = api.get("/api/users/pia", api.adminToken());

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("role")).isEqualTo("viewer");
        assertThat(r.json().hasNonNull("created_at")).isTrue();
        assertThat(r.body()).doesNotContain("p@x.io");
    }

    @Test
    void viewersMayNotLookUpAccounts() {
        String viewer = api.register("quinn", "secret1");

        assertThat(api.get("/api/users/quinn", viewer).status()).isEqualTo(403);
    }

    @Test
    void anUnknownUserIsNotFound() {
        assertThat(api.get("/api/users/nobody_here", api.adminToken()).status()).isEqualTo(404);
    }
}
