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
    void rootSendsVisitorsWithoutASessionToTheLoginPage() {
        browser.go("/");
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
        Browser.await().until(() -> browser.path().equals("/login"));
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
                    b.pingInterval = Duration.ofMinutes(10); // the clock jumps; keep the idle sweep out of it
                });
                Browser other = Browser.open("http://127.0.0.1:" + timed.port())) {
            other.register("web_expired", "secret1", null);
            clock.advance(Duration.ofHours(2)); // past the token's lifetime, as the server sees it
            other.go("/app");
            Browser.await().until(() -> other.path().equals("/login"));
        }
    }
}
