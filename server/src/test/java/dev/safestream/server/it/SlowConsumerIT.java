package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.protocol.CloseCode;
import dev.safestream.server.support.Api;
import dev.safestream.server.support.RawWsClient;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(120)
class SlowConsumerIT {

    @Test
    void aClientThatStopsReadingIsDroppedWithoutDelayingTheOthers() {
        try (TestServer server = TestServer.start()) {
            Api api = server.api();
            String slowToken = api.register("slow_sam", "secret1");
            try (RawWsClient slow = RawWsClient.connect(server.port(), "/ws/slow_sam?token=" + slowToken, 4096);
                    WsClient sender =
                            WsClient.connect(server.wsBase(), "fast_sender", api.register("fast_sender", "secret1"));
                    WsClient reader =
                            WsClient.connect(server.wsBase(), "fast_reader", api.register("fast_reader", "secret1"))) {
                sender.awaitType("welcome");
                reader.awaitType("welcome");
                String padding = "p".repeat(450);
                int count = 0;
                // bursts the fast clients keep up with; the raw client reads nothing
                while (count < 40_000 && dropsSoFar(api) == 0) {
                    for (int burst = 0; burst < 200; burst++, count++) {
                        sender.chat(count + " " + padding);
                    }
                    reader.awaitChat((count - 1) + " " + padding);
                }
                int last = count - 1;
                reader.awaitChat(last + " " + padding);
                assertThat(dropsSoFar(api)).isEqualTo(1);
                for (int i = 0; i < count; i += 97) {
                    assertThat(reader.sawChat(i + " " + padding))
                            .as("message %d", i)
                            .isTrue();
                }
                assertThat(reader.isClosed()).isFalse();
                assertThat(slow.awaitCloseCode()).isEqualTo(CloseCode.SLOW_CONSUMER.code());
            }
        }
    }

    private static long dropsSoFar(Api api) {
        String prometheus = api.get("/metrics/prometheus", null).body();
        return prometheus
                .lines()
                .filter(l -> l.startsWith("safestream_slow_consumer_drops_total"))
                .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
