package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Shadow thresholds score every message without acting; agreement and decisions are Prometheus metrics. */
@Timeout(60)
class ShadowModeIT {
    @Test
    void shadowThresholdsAreComparedWithLiveDecisionsWithoutActing() {
        try (TestServer server = TestServer.start(b -> b.moderation.shadowFlagThreshold = 0.5)) {
            Api api = server.api();
            try (WsClient c = WsClient.connect(server.wsBase(), "shadow_sam", api.register("shadow_sam", "secret1"))) {
                c.awaitType("welcome");
                c.chat("hello there");
                c.chat("that was stupid");
                assertThat(c.awaitChat("that was stupid").path("toxic").asBoolean())
                        .as("live threshold 0.6 decides, not the shadow's 0.5")
                        .isFalse();
            }
            Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                String metrics = api.get("/metrics/prometheus", null).body();
                assertThat(value(metrics, "safestream_shadow_agreement_total\\{agree=\"true\"}"))
                        .isEqualTo(1);
                assertThat(value(metrics, "safestream_shadow_agreement_total\\{agree=\"false\"}"))
                        .isEqualTo(1);
                assertThat(value(metrics, "safestream_shadow_decisions_total\\{decision=\"flag\"}"))
                        .isEqualTo(1);
                assertThat(value(metrics, "safestream_decisions_total\\{decision=\"allow\"}"))
                        .isEqualTo(2);
            });
        }
    }

    private static double value(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
