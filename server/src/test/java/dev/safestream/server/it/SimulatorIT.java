package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.safestream.server.simulate.Audience;
import dev.safestream.server.simulate.AudienceSettings;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The simulated audience against a real server: bots register, join, chat (some rudely) and send gifts. */
@Timeout(90)
class SimulatorIT {
    @Test
    void botsJoinChatAndSendGiftsThatOtherViewersSee() {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            String token = api.register("sim_watcher", "secret1");
            AudienceSettings settings = new AudienceSettings(
                    URI.create("http://127.0.0.1:" + server.port()),
                    4,
                    8,
                    0.3,
                    2,
                    "simulated",
                    "bot_",
                    "bot-password",
                    42);
            try (WsClient watcher = WsClient.connect(server.wsBase(), "sim_watcher", token, "channel=simulated");
                    Audience audience = Audience.start(settings)) {
                watcher.awaitType("welcome");
                await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                    assertThat(watcher.events())
                            .anyMatch(e -> "chat".equals(e.path("type").asText())
                                    && e.path("user").asText().startsWith("bot_"));
                    assertThat(watcher.events())
                            .anyMatch(e -> "gift".equals(e.path("type").asText())
                                    && e.path("from").asText().startsWith("bot_"));
                });
                assertThat(audience.summary().online()).isPositive();
                assertThat(audience.summary().chats()).isPositive();
            }
        }
    }
}
