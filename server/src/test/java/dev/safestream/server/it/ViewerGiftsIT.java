package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Browser;
import dev.safestream.server.support.TestServer;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.WebElement;

/** Gifts and hearts in the viewer: the tray, bursts everyone sees, combos, top gifters, floating hearts. */
@Timeout(180)
class ViewerGiftsIT {
    private static final AtomicInteger CHANNELS = new AtomicInteger();
    private static TestServer server;

    @BeforeAll
    static void start() {
        server = TestServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static Browser browser() {
        return Browser.open("http://127.0.0.1:" + server.port());
    }

    private static WebElement gift(Browser browser, String name) {
        Browser.await().until(() -> browser.allByTestId("gift-option").size() == 8);
        return browser.allByTestId("gift-option").stream()
                .filter(b -> b.getText().contains(name))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aGiftFromTheTrayBurstsOnEveryScreenWithSenderAndAmount() {
        String channel = "gifts-" + CHANNELS.incrementAndGet();
        try (Browser giver = browser();
                Browser watcher = browser()) {
            giver.register("web_giver", "secret1", channel);
            watcher.register("web_gazer", "secret1", channel);

            gift(giver, "Rocket").click();

            WebElement burst = watcher.awaitVisible("gift-burst");
            assertThat(burst.getText()).contains("web_giver sent Rocket ×1");
            giver.awaitVisible("gift-burst");
            assertThat(watcher.awaitText("gift-total-value", t -> !t.equals("0")))
                    .isEqualTo("1");
            assertThat(watcher.awaitVisible("top-gifters").getText()).contains("web_giver");
        }
    }

    @Test
    void theSameGiftRepeatedCountsUpACombo() {
        String channel = "gifts-" + CHANNELS.incrementAndGet();
        try (Browser giver = browser()) {
            giver.register("web_combo", "secret1", channel);
            for (int i = 0; i < 3; i++) {
                WebElement heart = gift(giver, "Heart");
                Browser.await().until(heart::isEnabled);
                heart.click();
            }
            assertThat(giver.awaitText("gift-combo", t -> t.equals("combo ×3"))).isEqualTo("combo ×3");
            assertThat(giver.allByTestId("gift-burst")).hasSize(1);
            assertThat(giver.byTestId("gift-burst").getText()).contains("web_combo sent Heart ×3");
        }
    }

    @Test
    void tappingTheHeartButtonFloatsHearts() {
        String channel = "gifts-" + CHANNELS.incrementAndGet();
        try (Browser viewer = browser()) {
            viewer.register("web_hearts", "secret1", channel);
            viewer.byTestId("heart-button").click();
            assertThat(viewer.awaitVisible("floating-heart").getText()).isEqualTo("♥");
        }
    }
}
