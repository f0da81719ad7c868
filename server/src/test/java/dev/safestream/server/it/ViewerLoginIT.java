package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.Browser;
import dev.safestream.server.support.MutableClock;
import dev.safestream.server.support.TestServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The viewer's login page and session handling, in Chromium. */
@Timeout(120)
class ViewerLoginIT {
    private static TestServer server;
    private static Api api;
    private Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        api = server.api();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open("http://127.0.0.1:" + server.port());
    }

    @AfterEach
    void closeBrowser() {
        browser.close();
    }

    @Test
    void aVisitorWithoutAnAccountWatchesAsAGuestWithAPromptToLogIn() {
        browser.go("/");
        Browser.await().until(() -> browser.path().equals("/app"));
        Browser.await().until(() -> browser.byTestId("login-prompt").isDisplayed());
        assertThat(browser.byTestId("chat-form").isDisplayed()).isFalse();
        assertThat(browser.byTestId("current-user").getText()).isEqualTo("Guest");
        // the guest reads chat as it happens, and counts as a viewer
        String talker = "guest_watched";
        try (var ws = dev.safestream.server.support.WsClient.connect(
                server.wsBase(), talker, api.register(talker, "secret1"))) {
            ws.awaitType("welcome");
            ws.chat("hello to the guests");
            Browser.await().until(() -> browser.byTestId("chat-list").getText().contains("hello to the guests"));
        }
        Browser.await()
                .until(() ->
                        Integer.parseInt(browser.byTestId("viewer-count-value").getText()) >= 1);
        browser.byTestId("login-to-chat").click();
        Browser.await().until(() -> browser.path().equals("/login"));
        assertThat(browser.byTestId("login-submit").isDisplayed()).isTrue();
        assertThat(browser.byTestId("register-submit").isDisplayed()).isTrue();
    }

    @Test
    void registeringOpensTheLiveStream() {
        browser.register("web_reg", "secret1", null);
        assertThat(browser.path()).isEqualTo("/app");
        assertThat(browser.byTestId("current-user").getText()).isEqualTo("web_reg");
        assertThat(browser.byTestId("streamer-name").getText()).isEqualTo("@main");
    }

    @Test
    void loggingInOpensTheStreamAndLoggingOutReturnsToLogin() {
        api.register("web_login", "secret1");
        browser.logIn("web_login", "secret1", null);
        browser.byTestId("logout").click();
        Browser.await().until(() -> browser.path().equals("/login"));
        browser.go("/app");
        Browser.await().until(() -> browser.byTestId("login-prompt").isDisplayed());
    }

    /** Issue 23: logging in with an admin's temporary password looped back to "Your session has ended". */
    @Test
    void aTemporaryPasswordLeadsToChoosingYourOwnAndIntoTheStream() {
        api.register("web_temp", "secret1");
        api.post("/api/admin/users/web_temp/password", java.util.Map.of("password", "temporary-1"), api.adminToken());
        browser.go("/login?next=/app");
        browser.type("login-username", "web_temp");
        browser.type("login-password", "temporary-1");
        browser.byTestId("login-submit").click();
        Browser.await().until(() -> browser.byTestId("change-section").isDisplayed());
        assertThat(browser.byTestId("change-current").isDisplayed()).isFalse();
        browser.type("change-new", "my-own-pass");
        browser.type("change-confirm", "my-own-pass");
        browser.byTestId("change-submit").click();
        browser.awaitLive();
        assertThat(browser.byTestId("current-user").getText()).isEqualTo("web_temp");
        assertThat(api.login("web_temp", "my-own-pass")).isNotBlank();
    }

    @Test
    void aLoggedInViewerChangesTheirPasswordFromTheStreamPage() {
        api.register("web_change", "secret1");
        browser.logIn("web_change", "secret1", null);
        browser.byTestId("change-password").click();
        Browser.await().until(() -> browser.byTestId("change-section").isDisplayed());
        browser.type("change-current", "wrong-one");
        browser.type("change-new", "changed-pass");
        browser.type("change-confirm", "changed-pass");
        browser.byTestId("change-submit").click();
        Browser.await().until(() -> browser.byTestId("change-error").isDisplayed());
        assertThat(browser.byTestId("change-error").getText()).contains("current_password");
        browser.type("change-current", "secret1");
        browser.byTestId("change-submit").click();
        browser.awaitLive();
        assertThat(api.login("web_change", "changed-pass")).isNotBlank();
    }

    @Test
    void aWrongPasswordShowsTheServersDetailInline() {
        api.register("web_wrong", "secret1");
        browser.go("/login");
        browser.type("login-username", "web_wrong");
        browser.type("login-password", "not-the-password");
        browser.byTestId("login-submit").click();
        assertThat(browser.awaitText("login-error", t -> !t.isBlank())).isEqualTo("Incorrect username or password");
        assertThat(browser.path()).isEqualTo("/login");
    }

    @Test
    void registeringATakenNameShowsTheServersDetailInline() {
        api.register("web_taken", "secret1");
        browser.go("/login");
        browser.type("register-username", "web_taken");
        browser.type("register-password", "secret1");
        browser.byTestId("register-submit").click();
        assertThat(browser.awaitText("register-error", t -> !t.isBlank())).contains("already taken");
    }

    @Test
    void aSessionPastItsExpiryGoesBackToLogin() {
        browser.register("web_stale", "secret1", null);
        browser.script("const s = JSON.parse(localStorage.getItem('safestream.session'));"
                + "s.expiresAt = Date.now() - 1000; localStorage.setItem('safestream.session', JSON.stringify(s));");
        browser.go("/app");
        Browser.await().until(() -> browser.path().equals("/login"));
        assertThat(browser.awaitVisible("login-notice").getText()).contains("session has ended");
    }

    @Test
    void aTokenTheServerNoLongerAcceptsGoesBackToLogin() {
        MutableClock clock = MutableClock.startingNow();
        try (TestServer timed = TestServer.start(b -> {
                    b.clock = clock;
                    b.websocket.pingInterval = Duration.ofMinutes(10); // the clock jumps; keep the idle sweep out of it
                });
                Browser other = Browser.open("http://127.0.0.1:" + timed.port())) {
            other.register("web_expired", "secret1", null);
            clock.advance(Duration.ofHours(2)); // past the token's lifetime, as the server sees it
            other.go("/app");
            Browser.await().until(() -> other.path().equals("/login"));
        }
    }
}
