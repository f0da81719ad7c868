package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Browser;
import dev.safestream.server.support.TestServer;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * {@code /docs} in Chromium: Swagger UI loads from the server's own jar under its strict Content-Security-Policy (no
 * inline script) and lists the operations of {@code /openapi.json}.
 */
@Timeout(120)
class ApiDocsIT {
    private static TestServer server;
    private static Browser browser;

    @BeforeAll
    static void start() {
        server = TestServer.start();
        browser = Browser.open("http://127.0.0.1:" + server.port());
    }

    @AfterAll
    static void stop() {
        browser.close();
        server.close();
    }

    @Test
    void theDocsPageListsEveryOperationGroupedByTag() {
        browser.go("/docs");
        Browser.await().until(() -> operationCount() > 30);
        @SuppressWarnings("unchecked")
        List<String> paths = (List<String>) browser.script(
                "return [...document.querySelectorAll('.opblock-summary-path')].map(e => e.dataset.path);");
        assertThat(paths).contains("/api/gift", "/auth/login", "/api/moderation/queue/{messageId}/decisions");
        assertThat(browser.script("return document.querySelector('.info .title').textContent"))
                .asString()
                .startsWith("SafeStream API");
        assertThat(browser.script("return !!document.querySelector('.btn.authorize')"))
                .as("the bearer scheme offers Authorize")
                .isEqualTo(true);
    }

    @Test
    void anOperationOpensWithItsAccessLineAndTheOriginalGiftExample() {
        browser.go("/docs#/gifts/send");
        Browser.await().until(() -> textOf("#operations-gifts-send").contains("gift_id"));
        String operation = textOf("#operations-gifts-send");
        assertThat(operation).contains("send_gift", "999");
    }

    private long operationCount() {
        return (Long) browser.script("return document.querySelectorAll('.opblock').length;");
    }

    private String textOf(String selector) {
        Object text = browser.script(
                "const e = document.querySelector(arguments[0]); return e ? e.textContent : '';", selector);
        return String.valueOf(text);
    }
}
