package dev.safestream.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.safestream.server.support.Api;
import dev.safestream.server.support.TestServer;
import dev.safestream.server.support.WsClient;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A burst through the fan-out: under load each connection's writer gathers several frames into one write, and every
 * client, plain or batched, still gets every event, each exactly once, in the order the pipeline produced them.
 */
@Timeout(120)
class FanOutIT {
    private static final int BURST = 2_000;

    @Test
    void aBurstArrivesCompleteAndInOrderOnPlainAndBatchedConnections() {
        try (TestServer server = TestServer.start(b -> b.websocket.writerThreads = 2)) {
            Api api = server.api();
            try (WsClient sender =
                            WsClient.connect(server.wsBase(), "burst_sender", api.register("burst_sender", "secret1"));
                    WsClient plain =
                            WsClient.connect(server.wsBase(), "plain_reader", api.register("plain_reader", "secret1"));
                    WsClient batched = WsClient.connect(
                            server.wsBase(), "batch_reader", api.register("batch_reader", "secret1"), "batch=1")) {
                sender.awaitType("welcome");
                plain.awaitType("welcome");
                batched.awaitType("welcome");
                for (int i = 0; i < BURST; i++) {
                    sender.chat("burst " + i);
                }
                for (WsClient reader : List.of(plain, batched, sender)) {
                    reader.awaitChat("burst " + (BURST - 1));
                    List<String> texts = reader.events().stream()
                            .filter(e -> "chat".equals(e.path("type").asText()))
                            .map(e -> e.path("message").asText())
                            .filter(m -> m.startsWith("burst "))
                            .toList();
                    assertThat(texts).hasSize(BURST);
                    for (int i = 0; i < BURST; i++) {
                        assertThat(texts.get(i)).isEqualTo("burst " + i);
                    }
                }
            }
        }
    }
}
