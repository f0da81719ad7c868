package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(60)
class AuthApiIT {
    private static TestServer server;
    private static Api api;

    @BeforeAll
    static void start() {
        server = TestServer.start(b -> b.accounts.guestTokensPerMinute = 3);
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void healthzAnswersHealthy() {
        Api.Response r = api.get("/healthz", null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("status")).isEqualTo("healthy");
    }

    @Test
    void registerReturnsABearerToken() {
        Api.Response r = api.post(
                "/auth/register", Map.of("username", "reg_alice", "password", "secret1", "email", "a@b.io"), null);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("token_type")).isEqualTo("bearer");
        assertThat(r.text("username")).isEqualTo("reg_alice");
        assertThat(r.text("access_token")).isNotBlank();
    }

    @Test
    void requestBodiesArriveWhenTheClientOffersAnH2cUpgrade() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/auth/register"))
                                .version(HttpClient.Version.HTTP_2)
                                .timeout(Duration.ofSeconds(10))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(
                                        "{\"username\":\"h2c_hanna\",\"password\":\"secret1\"}"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(r.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        assertThat(r.body()).contains("access_token");
    }

    @Test
    void registeringATakenNameIsAConflictWhateverTheCase() {
        api.register("taken_bob", "secret1");
        Api.Response r = api.post("/auth/register", Map.of("username", "Taken_Bob", "password", "secret1"), null);
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.text("detail")).contains("already taken");
    }

    @Test
    void invalidRegistrationsAreBadRequestsWithADetail() {
        assertThat(api.post("/auth/register", Map.of("username", "shortpw", "password", "12345"), null))
                .satisfies(r -> {
                    assertThat(r.status()).isEqualTo(400);
                    assertThat(r.text("detail")).contains("at least 6");
                });
        assertThat(api.post("/auth/register", Map.of("username", "no spaces!", "password", "secret1"), null)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/auth/register", Map.of("username", "x".repeat(51), "password", "secret1"), null)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/auth/register", Map.of("username", "bot", "password", "secret1"), null)
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/auth/register",
                                Map.of("username", "mail_x", "password", "secret1", "email", "nope"),
                                null)
                        .status())
                .isEqualTo(400);
        assertThat(api.post("/auth/register", "{\"username\":", null).status()).isEqualTo(400);
        assertThat(api.post("/auth/register", "", null).status()).isEqualTo(400);
    }

    @Test
    void loginAcceptsUrlEncodedAndMultipartForms() {
        api.register("form_carol", "secret1");
        Api.Response urlEncoded = api.postForm("/auth/login", Map.of("username", "form_carol", "password", "secret1"));
        Api.Response multipart =
                api.postMultipart("/auth/login", Map.of("username", "form_carol", "password", "secret1"));
        assertThat(urlEncoded.status()).isEqualTo(200);
        assertThat(multipart.status()).isEqualTo(200);
        assertThat(multipart.text("username")).isEqualTo("form_carol");
        assertThat(multipart.text("token_type")).isEqualTo("bearer");
    }

    @Test
    void badCredentialsAreUnauthorized() {
        api.register("login_dave", "secret1");
        assertThat(api.postForm("/auth/login", Map.of("username", "login_dave", "password", "wrong!!"))
                        .status())
                .isEqualTo(401);
        assertThat(api.postForm("/auth/login", Map.of("username", "nobody_here", "password", "secret1"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void meDescribesTheTokensAccount() {
        String token = api.register("me_erin", "secret1");
        Api.Response r = api.get("/auth/me", token);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.text("username")).isEqualTo("me_erin");
        assertThat(r.text("role")).isEqualTo("viewer");
        assertThat(r.text("created_at")).isNotBlank();
        assertThat(r.json().has("email")).isTrue();
    }

    @Test
    void meWithoutOrWithAGarbageTokenIsUnauthorized() {
        assertThat(api.get("/auth/me", null).status()).isEqualTo(401);
        Api.Response garbage = api.get("/auth/me", "not-a-jwt");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void adminAccountIsCreatedOnFirstStartWithTheConfiguredPassword() {
        Api.Response me = api.get("/auth/me", api.adminToken());
        assertThat(me.text("role")).isEqualTo("admin");
    }

    @Test
    void guestTokensAreWatchOnlyAndRateLimitedPerAddress() {
        Api.Response guest = api.post("/auth/guest", "", null);
        assertThat(guest.status()).isEqualTo(200);
        assertThat(guest.text("username")).startsWith("guest-");
        assertThat(guest.text("role")).isEqualTo("guest");
        int limited = 0;
        for (int i = 0; i < 5; i++) {
            if (api.post("/auth/guest", "", null).status() == 429) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(3);
    }

    @Test
    void unknownPathsAnswerJsonNotFound() {
        Api.Response r = api.get("/no/such/thing", null);
        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text("detail")).isNotBlank();
    }
}
